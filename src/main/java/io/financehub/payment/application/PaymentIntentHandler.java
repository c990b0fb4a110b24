package io.financehub.payment.application;

import io.financehub.sideeffect.application.SideEffectHandler;
import io.financehub.invoice.application.InvoiceRepository;
import io.financehub.payment.application.PaymentGateway.PaymentIntentRequest;
import io.financehub.sideeffect.application.VendorExchange;
import io.financehub.sideeffect.application.VendorOutcome;
import io.financehub.invoice.domain.Invoice;
import io.financehub.invoice.domain.PaymentFacts;
import io.financehub.sideeffect.domain.SideEffect;
import io.financehub.sideeffect.domain.SideEffectAction;
import io.financehub.sideeffect.domain.SideEffectStatus;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Creates the invoice's payment intent. The gateway honours the idempotency key, so unknown outcomes are retried.
 * Stripe keeps a key for 24 hours only: a repeat after that (an operator retrying an old dead letter) first searches
 * the invoice's intents by metadata, so a lost earlier attempt that did create one is found instead of doubled.
 */
public class PaymentIntentHandler implements SideEffectHandler<Invoice> {

    /** Stripe prunes idempotency keys once they are at least 24 hours old. */
    static final Duration KEY_WINDOW = Duration.ofHours(24);
    /** Search from an hour before the window closes: hub and vendor clocks differ, and an extra search costs nothing. */
    static final Duration SEARCH_AFTER = KEY_WINDOW.minusHours(1);

    private final PaymentGateway gateway;
    private final PaymentAttemptLog attempts;
    private final InvoiceRepository invoices;
    private final Clock clock;

    public PaymentIntentHandler(PaymentGateway gateway, PaymentAttemptLog attempts, InvoiceRepository invoices,
                                Clock clock) {
        this.gateway = gateway;
        this.attempts = attempts;
        this.invoices = invoices;
        this.clock = clock;
    }

    @Override
    public String vendor() {
        return gateway.vendor();
    }

    @Override
    public Set<SideEffectAction> actions() {
        return Set.of(SideEffectAction.CREATE_PAYMENT_INTENT);
    }

    @Override
    public Invoice subject(SideEffect effect) {
        return invoices.subjectOf(effect);
    }

    @Override
    public void onClaim(SideEffect effect, Invoice invoice) {
        attempts.started(invoice.invoiceId(), effect.key().value(), effect.attempts(), describe(request(effect, invoice)));
    }

    @Override
    public VendorOutcome perform(SideEffect effect, Invoice invoice) {
        // the first request under the key was sent at or after the side effect's creation
        boolean keyMayBeForgotten = effect.attempts() > 1
                && !clock.instant().isBefore(effect.createdAt().plus(SEARCH_AFTER));
        if (keyMayBeForgotten) {
            String search = "GET /v1/payment_intents/search query=metadata['invoice_id']:'" + invoice.invoiceId() + "'";
            Optional<String> existing;
            try {
                existing = gateway.findPaymentIntent(invoice.invoiceId());
            } catch (PaymentGateway.LookupFailedException e) {
                // nothing was created: try again later, never create without knowing whether one exists
                return new VendorOutcome.Retryable("search before a repeat after Stripe's key window failed: "
                        + e.getMessage(), null, VendorExchange.requestOnly(search));
            }
            if (existing.isPresent()) {
                return new VendorOutcome.Succeeded(existing.get(), new VendorExchange(search, "found existing "
                        + existing.get() + "; not created again", null));
            }
        }
        return gateway.createPaymentIntent(request(effect, invoice));
    }

    @Override
    public boolean retriesUnknownOutcome(SideEffect effect) {
        return true;
    }

    @Override
    public void onOutcome(SideEffect effect, Invoice invoice, VendorOutcome outcome, SideEffectStatus status) {
        attempts.finished(effect.key().value(), effect.attempts(), outcome, status);
        if (status == SideEffectStatus.SUCCEEDED) {
            invoices.recordPaymentIntent(invoice.invoiceId(), outcome.reference());
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
