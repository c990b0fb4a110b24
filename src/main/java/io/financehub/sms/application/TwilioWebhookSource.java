package io.financehub.sms.application;

import io.financehub.webhook.application.WebhookEnvelope;
import io.financehub.webhook.application.WebhookEventStore.StoredWebhookEvent;
import io.financehub.webhook.application.SignedWebhookSource;
import io.financehub.webhook.application.WebhookVerifier;
import io.financehub.webhook.domain.WebhookEventStatus;
import io.financehub.webhook.domain.WebhookProvider;

/**
 * Twilio's message status callbacks: each moves its message's delivery status forward through
 * {@link SmsDeliveryService}, and is recorded against the invoice the message was sent for.
 */
public class TwilioWebhookSource extends SignedWebhookSource {

    private final SmsStatusCallbackReader callbacks;
    private final SmsDeliveryService deliveries;
    private final SmsMessageDirectory messages;

    /** @param signatures checks {@code X-Twilio-Signature} */
    public TwilioWebhookSource(WebhookVerifier signatures, SmsStatusCallbackReader callbacks,
                               SmsDeliveryService deliveries, SmsMessageDirectory messages) {
        super(WebhookProvider.TWILIO, signatures);
        this.callbacks = callbacks;
        this.deliveries = deliveries;
        this.messages = messages;
    }

    @Override
    public WebhookEnvelope envelope(String payload) {
        return callbacks.envelope(payload);
    }

    @Override
    public Applied apply(StoredWebhookEvent event) {
        SmsStatusCallback callback = callbacks.callback(event.payload());
        WebhookEventStatus status = deliveries.apply(callback.messageSid(), callback.status());
        return new Applied(status, messages.invoiceIdOf(callback.messageSid()).orElse(event.invoiceId()));
    }
}
