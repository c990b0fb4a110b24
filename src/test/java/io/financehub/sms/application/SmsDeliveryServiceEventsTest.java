package io.financehub.sms.application;

import io.financehub.support.DirectTransactions;
import io.financehub.event.application.RecordingOutbox;
import io.financehub.event.domain.EventType;
import io.financehub.sms.domain.SmsDeliveryStatus;
import io.financehub.webhook.domain.WebhookEventStatus;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A status callback publishes {@code sms.delivered} or {@code sms.failed} when it moves the SMS to a final status. */
class SmsDeliveryServiceEventsTest {

    private final Deliveries deliveries = new Deliveries();
    private final RecordingOutbox events = new RecordingOutbox();
    private final SmsDeliveryService service = new SmsDeliveryService(deliveries, events, new DirectTransactions());

    @Test
    void deliveredIsPublishedOnceAndALateOrRepeatedCallbackPublishesNothing() {
        deliveries.statuses.put("SM1", "sending");

        service.apply("SM1", "sent");
        service.apply("SM1", "delivered");
        service.apply("SM1", "delivered");
        service.apply("SM1", "undelivered");
        service.apply("SM1", "sent");

        assertThat(events.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.SMS_DELIVERED);
            assertThat(e.invoiceId()).isEqualTo("INV-1");
            assertThat(e.data()).containsEntry("idempotencyKey", "INV-1:sms-invoice-issued")
                    .containsEntry("template", "sms-invoice-issued").containsEntry("status", "delivered")
                    .containsEntry("providerMessageId", "SM1");
        });
    }

    @Test
    void failedAndUndeliveredArePublishedAsSmsFailed() {
        deliveries.statuses.put("SM2", "sent");
        deliveries.statuses.put("SM3", "sending");

        service.apply("SM2", "undelivered");
        service.apply("SM3", "failed");

        assertThat(events.types()).containsExactly(EventType.SMS_FAILED, EventType.SMS_FAILED);
        assertThat(events.events().get(0).data()).containsEntry("status", "undelivered");
        assertThat(events.events().get(1).data()).containsEntry("status", "failed");
    }

    @Test
    void anUnknownMessageOrStatusPublishesNothing() {
        assertThat(service.apply("SM-NONE", "delivered")).isEqualTo(WebhookEventStatus.UNMATCHED);
        assertThat(service.apply("SM-NONE", "teleported")).isEqualTo(WebhookEventStatus.IGNORED);
        assertThat(events.events()).isEmpty();
    }

    /** The forward-only rule of the JDBC log, in memory. */
    private static final class Deliveries implements SmsDeliveryLog {
        final Map<String, String> statuses = new HashMap<>();

        @Override
        public Optional<DeliveredSms> find(String providerMessageId) {
            return Optional.ofNullable(statuses.get(providerMessageId)).map(status -> new DeliveredSms("INV-1",
                    "INV-1:sms-invoice-issued", "sms-invoice-issued", status));
        }

        @Override
        public boolean advance(String providerMessageId, SmsDeliveryStatus status) {
            String current = statuses.get(providerMessageId);
            SmsDeliveryStatus from = current.equals("sending") ? SmsDeliveryStatus.SENDING
                    : SmsDeliveryStatus.ofVendorName(current);
            if (!from.canMoveTo(status)) {
                return false;
            }
            statuses.put(providerMessageId, status.dbValue());
            return true;
        }
    }
}
