package io.financehub.sms.application;

import io.financehub.event.application.DomainEventOutbox;
import io.financehub.event.domain.EventType;
import io.financehub.platform.persistence.TransactionRunner;
import io.financehub.sms.application.SmsDeliveryLog.DeliveredSms;
import io.financehub.sms.domain.SmsDeliveryStatus;
import io.financehub.webhook.domain.WebhookEventStatus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Moves an SMS's delivery status forward only; a late or repeated callback changes nothing. A move to a final status
 * is reported in the same transaction: {@code sms.delivered}, or {@code sms.failed} for {@code failed} and
 * {@code undelivered}.
 */
public class SmsDeliveryService {

    private final SmsDeliveryLog deliveries;
    private final DomainEventOutbox events;
    private final TransactionRunner tx;

    public SmsDeliveryService(SmsDeliveryLog deliveries, DomainEventOutbox events, TransactionRunner tx) {
        this.deliveries = deliveries;
        this.events = events;
        this.tx = tx;
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
        Optional<DeliveredSms> message = deliveries.find(providerMessageId);
        if (message.isEmpty()) {
            return WebhookEventStatus.UNMATCHED;
        }
        tx.inTransaction(() -> {
            // the forward-only check is the UPDATE's own: of two callbacks at once, one moves the status
            if (deliveries.advance(providerMessageId, next)) {
                EventType type = switch (next) {
                    case DELIVERED -> EventType.SMS_DELIVERED;
                    case FAILED, UNDELIVERED -> EventType.SMS_FAILED;
                    default -> null;
                };
                if (type != null) {
                    events.record(type, message.get().invoiceId(), data(message.get(), providerMessageId, next));
                }
            }
        });
        return WebhookEventStatus.PROCESSED;
    }

    private static Map<String, Object> data(DeliveredSms sms, String providerMessageId, SmsDeliveryStatus status) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("idempotencyKey", sms.idempotencyKey());
        data.put("template", sms.template());
        data.put("status", status.dbValue());
        data.put("providerMessageId", providerMessageId);
        return data;
    }
}
