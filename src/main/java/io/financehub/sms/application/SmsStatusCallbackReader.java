package io.financehub.sms.application;

import io.financehub.webhook.application.MalformedWebhookException;
import io.financehub.webhook.application.WebhookEnvelope;

/** Reads Twilio message status callbacks (form-encoded text). The event id is {@code MessageSid:MessageStatus}. */
public interface SmsStatusCallbackReader {

    /** @throws MalformedWebhookException when the form lacks {@code MessageSid} or {@code MessageStatus} */
    WebhookEnvelope envelope(String payload);

    /** @throws MalformedWebhookException as for {@link #envelope} */
    SmsStatusCallback callback(String payload);
}
