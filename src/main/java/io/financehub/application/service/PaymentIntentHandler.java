package io.financehub.application.service;

import io.financehub.application.port.out.InvoiceRepository;
import io.financehub.application.port.out.PaymentAttemptLog;
import io.financehub.application.port.out.PaymentGateway;
import io.financehub.application.port.out.PaymentGateway.PaymentIntentRequest;
import io.financehub.application.port.out.VendorOutcome;
import io.financehub.domain.model.Invoice;
import io.financehub.domain.model.PaymentFacts;
import io.financehub.domain.model.SideEffect;
import io.financehub.domain.model.SideEffectAction;
import io.financehub.domain.model.SideEffectStatus;

import java.util.Set;

/** Creates the invoice's payment intent. The gateway honours the idempotency key, so unknown outcomes are retried. */
public class PaymentIntentHandler implements SideEffectHandler {

    private final PaymentGateway gateway;
    private final PaymentAttemptLog attempts;
    private final InvoiceRepository invoices;

    public PaymentIntentHandler(PaymentGateway gateway, PaymentAttemptLog attempts, InvoiceRepository invoices) {
        this.gateway = gateway;
        this.attempts = attempts;
        this.invoices = invoices;
    }

    @Override
    public Set<SideEffectAction> actions() {
        return Set.of(SideEffectAction.CREATE_PAYMENT_INTENT);
    }

    @Override
    public void onClaim(SideEffect effect, Invoice invoice) {
        attempts.started(invoice.invoiceId(), effect.key().value(), effect.attempts(), describe(request(effect, invoice)));
    }

    @Override
    public VendorOutcome perform(SideEffect effect, Invoice invoice) {
        return gateway.createPaymentIntent(request(effect, invoice));
    }

    @Override
    public boolean retriesUnknownOutcome() {
        return true;
    }

    @Override
    public void onOutcome(SideEffect effect, Invoice invoice, VendorOutcome outcome, SideEffectStatus status) {
        attempts.finished(effect.key().value(), effect.attempts(), outcome, status);
        if (outcome instanceof VendorOutcome.Succeeded succeeded) {
            invoices.recordPaymentIntent(invoice.invoiceId(), succeeded.reference());
            invoices.mergeFacts(invoice.invoiceId(), new PaymentFacts(true, false, false, 0));
        }
    }

    private static PaymentIntentRequest request(SideEffect effect, Invoice invoice) {
        return new PaymentIntentRequest(invoice.invoiceId(), invoice.amount(), invoice.description(), effect.key().value());
    }

    private static String describe(PaymentIntentRequest r) {
        return "POST /v1/payment_intents amount=" + r.amount().amountMinor() + " currency="
                + r.amount().currency().toLowerCase() + " metadata[invoice_id]=" + r.invoiceId()
                + " Idempotency-Key=" + r.idempotencyKey();
    }
}
