package io.financehub.webhook;

import io.financehub.support.WebhookSigner;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The processing path fails after the acknowledgement, and the event is still processed, exactly once: the
 * consumer route is stopped (events wait in the queue, the relay re-sends them meanwhile), or the hand-off to the
 * queue never happened (a row left in 'received', as after a crash between commit and send).
 */
class WebhookRecoveryIT extends WebhookIntegrationBase {

    static final String ROUTE = "stripe-webhook-processor";

    @Autowired
    CamelContext camel;

    @Test
    void anEventAcknowledgedWhileTheConsumerIsStoppedIsProcessedOnceAfterItRestarts() throws Exception {
        String invoiceId = issueInvoice(3000, null);
        String eventId = unique("evt_stopped_");
        camel.getRouteController().stopRoute(ROUTE);
        try {
            assertThat(postSignedStripe(WebhookSigner.stripeEvent(eventId, "payment_intent.succeeded",
                    WebhookSigner.paymentIntent(paymentIntentOf(invoiceId), invoiceId, 3000))).body())
                    .contains("\"status\":\"accepted\"");
            // the relay (relay-after 3s in tests) sends it again while the first message still waits
            OffsetDateTime handedOn = jdbc.queryForObject("SELECT dispatched_at FROM webhook_events "
                    + "WHERE provider = 'stripe' AND event_id = ?", OffsetDateTime.class, eventId);
            await().atMost(Duration.ofSeconds(20)).until(() -> count("SELECT COUNT(*) FROM webhook_events "
                    + "WHERE provider = 'stripe' AND event_id = ? AND dispatched_at > ?", eventId, handedOn) == 1);
            assertThat(eventStatus("stripe", eventId)).isEqualTo("received");
            assertThat(invoiceStatus(invoiceId)).isEqualTo("AWAITING_PAYMENT");
        } finally {
            camel.getRouteController().startRoute(ROUTE);
        }

        awaitEventStatus("stripe", eventId, "processed");
        assertThat(invoiceStatus(invoiceId)).isEqualTo("PAID");
        // every copy of the message was consumed; only the first ran processing
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(count(
                "SELECT COUNT(*) FROM route_exchanges WHERE route_id = ? AND correlation_key = ?", ROUTE,
                "stripe:" + eventId)).isGreaterThanOrEqualTo(2));
        assertThat(eventRow("stripe", eventId)).containsEntry("attempts", 1);
        assertThat(count("SELECT COUNT(*) FROM idempotency_keys WHERE invoice_id = ? AND action = 'post-payment'",
                invoiceId)).isEqualTo(1);
    }

    @Test
    void aRowLeftInReceivedWithoutAMessageIsQueuedByTheRelay() {
        String invoiceId = issueInvoice(700, null);
        String eventId = unique("evt_orphan_");
        String payload = new String(WebhookSigner.stripeEvent(eventId, "payment_intent.payment_failed",
                WebhookSigner.paymentIntent(paymentIntentOf(invoiceId), invoiceId, 700)), StandardCharsets.UTF_8);
        Instant acknowledged = Instant.now().minusSeconds(60);
        // what a crash between the commit and the send leaves: the row, and no message
        jdbc.update("INSERT INTO webhook_events (provider, event_id, type, payload_hash, payload, invoice_id, status, "
                        + "received_at, dispatched_at) VALUES ('stripe', ?, 'payment_intent.payment_failed', ?, ?, ?, "
                        + "'received', ?, ?)", eventId, "0".repeat(64), payload, invoiceId,
                acknowledged.atOffset(ZoneOffset.UTC), acknowledged.atOffset(ZoneOffset.UTC));

        awaitEventStatus("stripe", eventId, "processed");
        assertThat(invoiceStatus(invoiceId)).isEqualTo("PAYMENT_FAILED");
        assertThat(eventRow("stripe", eventId)).containsEntry("attempts", 1);
    }
}
