package io.financehub.payment.application;

import io.financehub.invoice.application.InvoiceRepository;
import io.financehub.invoice.domain.Invoice;
import io.financehub.payment.domain.PaymentEvent;
import io.financehub.webhook.application.WebhookEnvelope;
import io.financehub.webhook.application.WebhookEventStore.StoredWebhookEvent;
import io.financehub.webhook.application.SignedWebhookSource;
import io.financehub.webhook.application.WebhookVerifier;
import io.financehub.webhook.domain.WebhookEventStatus;
import io.financehub.webhook.domain.WebhookProvider;

import java.util.Optional;

/**
 * Stripe's webhooks: payment events are applied to their invoice by {@link PaymentEventService}; event types the hub
 * does not handle are {@code ignored}.
 */
public class StripeWebhookSource extends SignedWebhookSource {

    private final StripeEventReader events;
    private final PaymentEventService payments;
    private final InvoiceRepository invoices;

    /** @param signatures checks {@code Stripe-Signature} */
    public StripeWebhookSource(WebhookVerifier signatures, StripeEventReader events, PaymentEventService payments,
                               InvoiceRepository invoices) {
        super(WebhookProvider.STRIPE, signatures);
        this.events = events;
        this.payments = payments;
        this.invoices = invoices;
    }

    @Override
    public WebhookEnvelope envelope(String payload) {
        return events.envelope(payload);
    }

    @Override
    public Applied apply(StoredWebhookEvent event) {
        Optional<PaymentEvent> payment = events.paymentEvent(event.payload());
        if (payment.isEmpty()) {
            return new Applied(WebhookEventStatus.IGNORED, event.invoiceId());
        }
        WebhookEventStatus status = payments.apply(payment.get());
        String invoiceId = status == WebhookEventStatus.UNMATCHED ? event.invoiceId()
                : invoiceOf(payment.get()).orElse(event.invoiceId());
        return new Applied(status, invoiceId);
    }

    /** The invoice the event was applied to: by metadata, else through the PaymentIntent the hub created. */
    private Optional<String> invoiceOf(PaymentEvent event) {
        Optional<Invoice> invoice = event.invoiceId() == null ? Optional.empty() : invoices.find(event.invoiceId());
        if (invoice.isEmpty() && event.paymentIntentId() != null) {
            invoice = invoices.findByPaymentIntent(event.paymentIntentId());
        }
        return invoice.map(Invoice::invoiceId);
    }
}
