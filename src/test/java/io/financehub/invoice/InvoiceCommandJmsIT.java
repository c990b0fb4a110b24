package io.financehub.invoice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.support.HubClient;
import io.financehub.support.JmsTestClient;
import io.financehub.support.LiveStripeIntegrationBase;
import io.financehub.support.PoisonCommandInjection;
import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The JMS entry point ({@code hub.invoice.commands}) through a real JMS client on the embedded broker's TCP
 * acceptor: accepted, rejected with a reason, or dead-lettered — never dropped, never looping.
 */
class InvoiceCommandJmsIT extends LiveStripeIntegrationBase {

    private static final String COMMANDS = "hub.invoice.commands";
    private static final String REJECTED = "hub.invoice.commands.rejected";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void validCommandIssuesTheInvoiceAndItsPaymentIntent() {
        String id = newInvoiceId();
        try (JmsTestClient client = jms()) {
            client.send(COMMANDS, HubClient.invoiceJson(id, "USD", 12500, "+15551234567"),
                    Map.of("command", "IssueInvoice"));
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(hub().getApi("/api/invoices/" + id).statusCode()).isEqualTo(200));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(sideEffectStatus(paymentKey(id))).isEqualTo("succeeded"));
        assertThat(stripeRequests(paymentKey(id))).hasSize(1);
        assertThat(jdbc.queryForList("SELECT channel || ':' || outcome FROM inbound_commands WHERE invoice_id = ?",
                String.class, id)).containsExactly("jms:accepted");
        assertThat(jdbc.queryForList("SELECT idempotency_key FROM idempotency_keys WHERE invoice_id = ?",
                String.class, id)).containsExactlyInAnyOrder(paymentKey(id), id + ":post-invoice",
                id + ":sms-invoice-issued");
    }

    @Test
    void everyCommandIsEitherAcceptedOrRejectedWithAReason() throws JMSException {
        String run = UUID.randomUUID().toString();
        String valid = newInvoiceId();
        String conflicting = newInvoiceId();
        assertThat(hub().postInvoice(HubClient.invoiceJson(conflicting, "USD", 100, null)).statusCode()).isEqualTo(202);
        Map<String, String> bad = new HashMap<>();
        bad.put("conflict", HubClient.invoiceJson(conflicting, "USD", 999, null));
        bad.put("malformed", "{\"invoiceId\": \"INV-broken\", ");
        bad.put("not-an-object", "[1, 2, 3]");
        bad.put("invalid-fields", "{\"invoiceId\":\"bad id!\",\"currency\":\"usd\",\"amountMinor\":0,"
                + "\"customer\":{\"phone\":\"555-1234\"}}");

        try (JmsTestClient client = jms()) {
            client.send(COMMANDS, HubClient.invoiceJson(valid, "JPY", 12500, null), props(run, "valid", "IssueInvoice"));
            bad.forEach((kind, body) -> client.send(COMMANDS, body, props(run, kind, "IssueInvoice")));
            client.send(COMMANDS, HubClient.invoiceJson(newInvoiceId(), "USD", 100, null),
                    props(run, "wrong-command", "CancelInvoice"));
            client.send(COMMANDS, HubClient.invoiceJson(newInvoiceId(), "USD", 100, null), props(run, "no-command", null));

            // 7 sent: 1 accepted + 6 rejected, each with its reason; none lost, none duplicated
            List<TextMessage> rejected = client.receive(REJECTED, "testRun = '" + run + "'", 6, 20_000);
            Map<String, String> reasons = new HashMap<>();
            for (TextMessage m : rejected) {
                assertThat(reasons.put(m.getStringProperty("kind"), m.getStringProperty("rejectReason"))).isNull();
            }
            assertThat(reasons).containsOnlyKeys("conflict", "malformed", "not-an-object", "invalid-fields",
                    "wrong-command", "no-command");
            assertThat(reasons.get("conflict")).contains("idempotency_conflict");
            assertThat(reasons.get("malformed")).contains("malformed_payload");
            assertThat(reasons.get("not-an-object")).contains("malformed_payload");
            assertThat(reasons.get("invalid-fields")).contains("validation_failed", "invoiceId", "currency",
                    "amountMinor", "customer.phone");
            assertThat(reasons.get("wrong-command")).contains("CancelInvoice");
            assertThat(reasons.get("no-command")).contains("command");
            // the rejected message keeps the original body, so it can be fixed and resent
            assertThat(rejected.stream().filter(m -> kind(m).equals("malformed")).findFirst().orElseThrow().getText())
                    .isEqualTo(bad.get("malformed"));
            assertThat(client.count(COMMANDS, "testRun = '" + run + "'")).isZero();
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(hub().getApi("/api/invoices/" + valid).statusCode()).isEqualTo(200));
        // the conflicting command changed nothing
        assertThat(jdbc.queryForObject("SELECT amount_minor FROM invoices WHERE invoice_id = ?", Long.class, conflicting))
                .isEqualTo(100L);
        assertThat(jdbc.queryForList("SELECT channel || ':' || outcome FROM inbound_commands WHERE invoice_id = ? "
                + "ORDER BY id", String.class, conflicting)).containsExactly("http:accepted", "jms:conflict");
    }

    @Test
    void aCommandWithAControlCharacterIsRejectedAtOnceNotRedeliveredAndDeadLettered() throws JMSException {
        String run = UUID.randomUUID().toString();
        String id = newInvoiceId();
        String body = "{\"invoiceId\":\"" + id + "\",\"currency\":\"USD\",\"amountMinor\":100,"
                + "\"description\":\"nul \\u0000 inside\"}";
        try (JmsTestClient client = jms()) {
            client.send(COMMANDS, body, props(run, "nul", "IssueInvoice"));

            List<TextMessage> rejected = client.receive(REJECTED, "testRun = '" + run + "'", 1, 20_000);
            assertThat(rejected).hasSize(1);
            assertThat(rejected.get(0).getStringProperty("rejectReason")).contains("validation_failed", "description");
            assertThat(rejected.get(0).getText()).isEqualTo(body);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dead_letters WHERE body = ?", Integer.class, body))
                .isZero();
        assertThat(jdbc.queryForList("SELECT channel || ':' || outcome FROM inbound_commands WHERE invoice_id = ?",
                String.class, id)).containsExactly("jms:rejected");
    }

    @Test
    void poisonMessageEndsInTheBrokersDeadLetterQueueAndThenInAdmin() {
        String id = PoisonCommandInjection.POISON_PREFIX + UUID.randomUUID().toString().substring(0, 8);
        String run = UUID.randomUUID().toString();
        String body = HubClient.invoiceJson(id, "USD", 100, null);
        try (JmsTestClient client = jms()) {
            client.send(COMMANDS, body, props(run, "poison", "IssueInvoice"));

            // the broker redelivers it a bounded number of times (with growing delays), then dead-letters it
            JsonNode letter = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> deadLetterWithBody(body), java.util.Objects::nonNull);

            assertThat(letter.get("queue").asText()).isEqualTo(COMMANDS);
            assertThat(letter.get("attempts").asInt()).isEqualTo(6);
            assertThat(letter.get("status").asText()).isEqualTo("open");
            assertThat(letter.get("reason").asText()).contains("6 failed delivery attempts");
            assertThat(letter.get("failedAt").asText()).isNotBlank();
            assertThat(client.count(COMMANDS, "testRun = '" + run + "'")).isZero();
            assertThat(client.count(REJECTED, "testRun = '" + run + "'")).isZero();
        }
        assertThat(hub().getApi("/api/invoices/" + id).statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dead_letters WHERE body = ?", Integer.class, body))
                .isEqualTo(1);
    }

    private JsonNode deadLetterWithBody(String body) throws Exception {
        JsonNode items = JSON.readTree(hub().getAdmin("/admin/dead-letters?limit=1000").body()).get("items");
        return StreamSupport.stream(items.spliterator(), false).filter(l -> body.equals(l.path("body").asText()))
                .findFirst().orElse(null);
    }

    private static Map<String, String> props(String run, String kind, String command) {
        Map<String, String> props = new HashMap<>();
        props.put("testRun", run);
        props.put("kind", kind);
        if (command != null) {
            props.put("command", command);
        }
        return props;
    }

    private static String kind(TextMessage message) {
        try {
            return message.getStringProperty("kind");
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newInvoiceId() {
        return "INV-JMS-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
