package io.financehub.sms.application;

import io.financehub.sms.domain.SmsDeliveryStatus;
import io.financehub.webhook.domain.WebhookEventStatus;

/** Moves an SMS's delivery status forward only; a late or repeated callback changes nothing. */
public class SmsDeliveryService {

    private final SmsDeliveryLog deliveries;

    public SmsDeliveryService(SmsDeliveryLog deliveries) {
        this.deliveries = deliveries;
    }

    /**
     * Applies an SMS vendor's delivery status callback to the message it reports on.
     *
     * @return {@code PROCESSED}, {@code IGNORED} (unknown status name) or {@code UNMATCHED} (unknown message)
     */
    public WebhookEventStatus apply(String providerMessageId, String status) {
        SmsDeliveryStatus next = SmsDeliveryStatus.ofVendorName(status);
        if (next == null) {
            return WebhookEventStatus.IGNORED;
        }
        if (deliveries.currentStatus(providerMessageId).isEmpty()) {
            return WebhookEventStatus.UNMATCHED;
        }
        deliveries.advance(providerMessageId, next);
        return WebhookEventStatus.PROCESSED;
    }
}
