package io.financehub.sms.application;

import io.financehub.webhook.domain.WebhookEventStatus;

/** Applies an SMS vendor's delivery status callback to the message it reports on, forward only. */
public interface SmsDeliveryUseCase {

    /** @return {@code PROCESSED}, {@code IGNORED} (unknown status name) or {@code UNMATCHED} (unknown message) */
    WebhookEventStatus apply(String providerMessageId, String status);
}
