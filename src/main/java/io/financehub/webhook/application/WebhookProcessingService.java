package io.financehub.webhook.application;

import io.financehub.payment.application.PaymentEventUseCase;
import io.financehub.sms.application.SmsDeliveryUseCase;
import io.financehub.invoice.application.InvoiceRepository;
import io.financehub.sms.application.SmsMessageDirectory;
import io.financehub.sms.application.SmsStatusCallback;
import io.financehub.sms.application.SmsStatusCallbackReader;
import io.financehub.payment.application.StripeEventReader;
import io.financehub.webhook.application.WebhookEventStore.StoredWebhookEvent;
import io.financehub.invoice.domain.Invoice;
import io.financehub.payment.domain.PaymentEvent;
import io.financehub.webhook.domain.WebhookEventStatus;
import io.financehub.webhook.domain.WebhookProvider;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Dispatches a stored event by provider and type: Stripe payment events to {@link PaymentEventUseCase}, Twilio
 * status callbacks to {@link SmsDeliveryUseCase}; other Stripe types are {@code ignored}. Both use cases are
 * idempotent and order-independent, so this may run any number of times per event.
 */
public class WebhookProcessingService implements ProcessWebhookEventUseCase {

    private static final Logger LOG = Logger.getLogger(WebhookProcessingService.class.getName());

    private final WebhookEventStore store;
    private final StripeEventReader stripeEvents;
    private final SmsStatusCallbackReader smsCallbacks;
    private final PaymentEventUseCase payments;
    private final SmsDeliveryUseCase smsDeliveries;
    private final InvoiceRepository invoices;
    private final SmsMessageDirectory smsMessages;
    private final Clock clock;

    public WebhookProcessingService(WebhookEventStore store, StripeEventReader stripeEvents,
                                    SmsStatusCallbackReader smsCallbacks, PaymentEventUseCase payments,
                                    SmsDeliveryUseCase smsDeliveries, InvoiceRepository invoices,
                                    SmsMessageDirectory smsMessages, Clock clock) {
        this.store = store;
        this.stripeEvents = stripeEvents;
        this.smsCallbacks = smsCallbacks;
        this.payments = payments;
        this.smsDeliveries = smsDeliveries;
        this.invoices = invoices;
        this.smsMessages = smsMessages;
        this.clock = clock;
    }

    @Override
    public WebhookEventStatus process(String providerName, String eventId) {
        WebhookProvider provider = WebhookProvider.ofName(providerName);
        Optional<StoredWebhookEvent> found = provider == null ? Optional.empty() : store.find(provider, eventId);
        if (found.isEmpty()) {
            LOG.warning(() -> "no stored " + providerName + " webhook event " + eventId + "; message dropped");
            return null;
        }
        StoredWebhookEvent event = found.get();
        store.countAttempt(provider, eventId);
        Outcome outcome;
        try {
            outcome = provider == WebhookProvider.STRIPE ? applyStripe(event) : applyTwilio(event);
        } catch (MalformedWebhookException e) {
            // its content can never be applied: kept as failed for an operator instead of being redelivered
            return record(provider, eventId, WebhookEventStatus.FAILED, event.invoiceId(), e.getMessage(), null);
        } catch (RuntimeException e) {
            try {
                record(provider, eventId, WebhookEventStatus.FAILED, event.invoiceId(),
                        e.getClass().getSimpleName() + ": " + e.getMessage(), null);
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
        return record(provider, eventId, outcome.status(), outcome.invoiceId(), null, clock.instant());
    }

    /**
     * Records the outcome unless another copy of the event already moved it further (status moves forward only);
     * answers the status the event is left in.
     */
    private WebhookEventStatus record(WebhookProvider provider, String eventId, WebhookEventStatus status,
                                      String invoiceId, String error, Instant processedAt) {
        if (store.recordOutcome(provider, eventId, status, invoiceId, error, processedAt)) {
            return status;
        }
        WebhookEventStatus current = store.find(provider, eventId).map(StoredWebhookEvent::status).orElse(status);
        LOG.info(() -> provider.dbValue() + " event " + eventId + " is already " + current.dbValue() + "; this run's "
                + status.dbValue() + " is not recorded");
        return current;
    }

    private Outcome applyStripe(StoredWebhookEvent event) {
        Optional<PaymentEvent> payment = stripeEvents.paymentEvent(event.payload());
        if (payment.isEmpty()) {
            return new Outcome(WebhookEventStatus.IGNORED, event.invoiceId());
        }
        WebhookEventStatus status = payments.apply(payment.get());
        String invoiceId = status == WebhookEventStatus.UNMATCHED ? event.invoiceId()
                : invoiceOf(payment.get()).orElse(event.invoiceId());
        return new Outcome(status, invoiceId);
    }

    private Outcome applyTwilio(StoredWebhookEvent event) {
        SmsStatusCallback callback = smsCallbacks.callback(event.payload());
        WebhookEventStatus status = smsDeliveries.apply(callback.messageSid(), callback.status());
        return new Outcome(status, smsMessages.invoiceIdOf(callback.messageSid()).orElse(event.invoiceId()));
    }

    /** The invoice the event was applied to: by metadata, else through the PaymentIntent the hub created. */
    private Optional<String> invoiceOf(PaymentEvent event) {
        Optional<Invoice> invoice = event.invoiceId() == null ? Optional.empty() : invoices.find(event.invoiceId());
        if (invoice.isEmpty() && event.paymentIntentId() != null) {
            invoice = invoices.findByPaymentIntent(event.paymentIntentId());
        }
        return invoice.map(Invoice::invoiceId);
    }

    private record Outcome(WebhookEventStatus status, String invoiceId) {
    }
}
