package io.financehub.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.platform.broker.EmbeddedBrokerCredentials;
import io.financehub.support.EventSubscriber;
import io.financehub.support.HubClient;
import io.financehub.support.HubIntegrationBase;
import io.financehub.support.WebhookSigner;
import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code hub.events} end to end, as a flow subscribes to it: a durable shared subscription on the broker's TCP
 * acceptor receives exactly one event per state change (none for a duplicate or out-of-order webhook), each with
 * the same id, type and invoice in its body and its JMS properties; events published while the flow is away wait
 * for it.
 */
class DomainEventsIT extends HubIntegrationBase {

    static final ObjectMapper JSON = new ObjectMapper();
    static final long AMOUNT = 12_500;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EmbeddedBrokerCredentials broker;
    @Value("${hub.broker.embedded-port}")
    int brokerPort;

    @Test
    void anInvoiceAndItsPaymentPublishOneEventPerChangeAndNothingForTheDuplicateOrTheLateFailure() throws Exception {
        String invoiceId = newInvoiceId();
        try (EventSubscriber flow = subscribe(invoiceId)) {
            issue(invoiceId);
            String paymentIntent = awaitPaymentIntent(invoiceId);
            String succeeded = "evt_ok_" + suffix();
            byte[] payment = WebhookSigner.stripeEvent(succeeded, "payment_intent.succeeded",
                    WebhookSigner.paymentIntent(paymentIntent, invoiceId, AMOUNT));
            byte[] sameAgain = WebhookSigner.stripeEvent("evt_ok2_" + suffix(), "payment_intent.succeeded",
                    WebhookSigner.paymentIntent(paymentIntent, invoiceId, AMOUNT));
            byte[] lateFailure = WebhookSigner.stripeEvent("evt_late_" + suffix(), "payment_intent.payment_failed",
                    WebhookSigner.paymentIntent(paymentIntent, invoiceId, AMOUNT));
            assertThat(postStripe(payment)).isEqualTo(200);
            assertThat(postStripe(payment)).as("Stripe's retry of the same event").isEqualTo(200);
            awaitProcessed(succeeded);
            assertThat(postStripe(sameAgain)).as("a second success of the same payment").isEqualTo(200);
            assertThat(postStripe(lateFailure)).as("a failure reported after the payment").isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT COUNT(*) FROM webhook_events WHERE "
                    + "invoice_id = ? AND status = 'processed'", invoiceId) == 3);
            await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT COUNT(*) FROM idempotency_keys WHERE "
                    + "invoice_id = ? AND status = 'succeeded'", invoiceId) == 3);

            List<TextMessage> received = flow.receive(4, 30_000);
            received.addAll(flow.receiveUntilQuiet(3_000, 10_000));

            assertThat(received).extracting(DomainEventsIT::type).containsExactlyInAnyOrder("invoice.issued",
                    "ledger.posted", "payment.succeeded", "ledger.posted");
            for (TextMessage message : received) {
                assertShapeAndProperties(message, invoiceId);
            }
            assertThat(received).extracting(DomainEventsIT::id).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(jdbc.queryForList("SELECT event_id FROM domain_events "
                            + "WHERE invoice_id = ?", String.class, invoiceId));
            JsonNode issued = body(only(received, "invoice.issued"));
            assertThat(issued.get("data").get("amountMinor").asLong()).isEqualTo(AMOUNT);
            assertThat(issued.get("data").get("currency").asText()).isEqualTo("USD");
            JsonNode paid = body(only(received, "payment.succeeded"));
            assertThat(paid.get("data").get("paymentIntentId").asText()).isEqualTo(paymentIntent);
            assertThat(paid.get("data").get("stripeEventId").asText()).isEqualTo(succeeded);
            assertThat(paid.get("data").get("amountMinor").asLong()).isEqualTo(AMOUNT);
            assertThat(received.stream().filter(m -> type(m).equals("ledger.posted")).map(DomainEventsIT::body)
                    .map(b -> b.get("data").get("idempotencyKey").asText()))
                    .containsExactlyInAnyOrder(invoiceId + ":post-invoice", invoiceId + ":post-payment");
            assertThat(count("SELECT COUNT(*) FROM domain_events WHERE invoice_id = ? AND published_at IS NULL",
                    invoiceId)).isZero();
        }
    }

    @Test
    void eventsPublishedWhileTheFlowIsAwayAreReceivedWhenItReconnects() throws Exception {
        String invoiceId = newInvoiceId();
        try (EventSubscriber flow = subscribe(invoiceId)) {
            flow.disconnect();
            issue(invoiceId);
            await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT COUNT(*) FROM domain_events WHERE "
                    + "invoice_id = ? AND event_type = 'ledger.posted' AND published_at IS NOT NULL", invoiceId) == 1);
            assertThat(count("SELECT COUNT(*) FROM domain_events WHERE invoice_id = ? AND published_at IS NULL",
                    invoiceId)).isZero();

            flow.connect();
            List<TextMessage> received = flow.receive(2, 20_000);

            assertThat(received).extracting(DomainEventsIT::type)
                    .containsExactlyInAnyOrder("invoice.issued", "ledger.posted");
        }
    }

    /**
     * A replica sent an event and died before marking it: the row is still claimed when it dies. Once the claim's
     * lease has run out, a live publisher sends it again under the same id; the flow sees the id twice.
     */
    @Test
    void anEventSentButNotMarkedIsSentAgainWithTheSameIdAfterTheLease() throws Exception {
        String invoiceId = newInvoiceId();
        try (EventSubscriber flow = subscribe(invoiceId)) {
            String eventId = UUID.randomUUID().toString();
            String body = "{\"eventId\":\"" + eventId + "\",\"eventType\":\"sms.unknown\",\"invoiceId\":\""
                    + invoiceId + "\",\"occurredAt\":\"2026-06-01T12:00:00Z\",\"data\":{}}";
            // the dead replica's claim, still held for two seconds, and its send
            jdbc.update("INSERT INTO domain_events (event_id, event_type, invoice_id, occurred_at, payload, "
                    + "claimed_until) VALUES (?, 'sms.unknown', ?, CURRENT_TIMESTAMP, ?, "
                    + "CURRENT_TIMESTAMP + INTERVAL '2' SECOND)", eventId, invoiceId, body);
            flow.publish(body, Map.of("eventType", "sms.unknown", "eventId", eventId, "invoiceId", invoiceId));

            List<TextMessage> received = flow.receive(2, 30_000);

            assertThat(received).hasSize(2).allSatisfy(m -> {
                assertThat(m.getText()).isEqualTo(body);
                assertThat(m.getStringProperty("eventId")).isEqualTo(eventId);
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> count("SELECT COUNT(*) FROM domain_events WHERE "
                    + "event_id = ? AND published_at IS NOT NULL", eventId) == 1);
            assertThat(flow.receiveUntilQuiet(2_000, 5_000)).as("marked: not sent a third time").isEmpty();
        }
    }

    private EventSubscriber subscribe(String invoiceId) {
        return new EventSubscriber("tcp://127.0.0.1:" + brokerPort, broker.user(), broker.password(),
                "it-" + invoiceId, "invoiceId = '" + invoiceId + "'");
    }

    private void issue(String invoiceId) {
        assertThat(hub().postInvoice(HubClient.invoiceJson(invoiceId, "USD", AMOUNT, null)).statusCode())
                .isEqualTo(202);
    }

    private String awaitPaymentIntent(String invoiceId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> paymentIntentOf(invoiceId) != null);
        return paymentIntentOf(invoiceId);
    }

    private String paymentIntentOf(String invoiceId) {
        return jdbc.queryForObject("SELECT payment_intent_id FROM invoices WHERE invoice_id = ?", String.class,
                invoiceId);
    }

    private int postStripe(byte[] body) {
        return hub().post("/webhooks/stripe", body, Map.of("Content-Type", "application/json", "Stripe-Signature",
                WebhookSigner.stripe(body, STRIPE_SECRET))).statusCode();
    }

    private void awaitProcessed(String stripeEventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT COUNT(*) FROM webhook_events WHERE "
                + "provider = 'stripe' AND event_id = ? AND status = 'processed'", stripeEventId) == 1);
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    private static void assertShapeAndProperties(TextMessage message, String invoiceId) throws JMSException {
        JsonNode body = body(message);
        List<String> fields = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            fields.add(names.next());
        }
        assertThat(fields).containsExactly("eventId", "eventType", "invoiceId", "occurredAt", "data");
        assertThat(body.get("data").isObject()).isTrue();
        assertThat(body.get("invoiceId").asText()).isEqualTo(invoiceId);
        assertThat(message.getStringProperty("invoiceId")).isEqualTo(invoiceId);
        assertThat(message.getStringProperty("eventId")).isEqualTo(body.get("eventId").asText());
        assertThat(message.getStringProperty("eventType")).isEqualTo(body.get("eventType").asText());
        assertThat(java.time.Instant.parse(body.get("occurredAt").asText())).isNotNull();
    }

    private static TextMessage only(List<TextMessage> messages, String type) {
        return messages.stream().filter(m -> type(m).equals(type)).reduce((a, b) -> {
            throw new AssertionError("two " + type + " events");
        }).orElseThrow();
    }

    private static JsonNode body(TextMessage message) {
        try {
            return JSON.readTree(message.getText());
        } catch (Exception e) {
            throw new AssertionError("not JSON", e);
        }
    }

    private static String type(TextMessage message) {
        try {
            return message.getStringProperty("eventType");
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String id(TextMessage message) {
        try {
            return message.getStringProperty("eventId");
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newInvoiceId() {
        return "INV-EV-" + suffix();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
