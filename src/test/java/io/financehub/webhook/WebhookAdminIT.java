package io.financehub.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.support.WebhookSigner;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Operators' list and replay ({@code /admin/webhook-events}), over real HTTP with Basic auth. */
class WebhookAdminIT extends WebhookIntegrationBase {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void listsNewestFirstWithFiltersAndACursor() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String eventId = unique("evt_list_");
            ids.add(eventId);
            assertThat(postSignedStripe(WebhookSigner.stripeEvent(eventId, "customer.created", "{}")).statusCode())
                    .isEqualTo(200);
        }
        ids.forEach(id -> awaitEventStatus("stripe", id, "ignored"));

        JsonNode first = list("/admin/webhook-events?provider=stripe&status=ignored&limit=2");
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("items").get(0).get("eventId").asText()).isEqualTo(ids.get(2));
        assertThat(first.get("items").get(1).get("eventId").asText()).isEqualTo(ids.get(1));
        JsonNode item = first.get("items").get(0);
        assertThat(item.get("provider").asText()).isEqualTo("stripe");
        assertThat(item.get("type").asText()).isEqualTo("customer.created");
        assertThat(item.get("status").asText()).isEqualTo("ignored");
        assertThat(item.get("receivedAt").asText()).isNotEmpty();
        assertThat(item.get("processedAt").asText()).isNotEmpty();
        assertThat(item.has("invoiceId") && item.get("invoiceId").isNull()).as("nulls are kept").isTrue();
        assertThat(first.get("next").isTextual()).isTrue();

        JsonNode second = list("/admin/webhook-events?provider=stripe&status=ignored&limit=2&cursor="
                + first.get("next").asText());
        assertThat(second.get("items").get(0).get("eventId").asText()).isEqualTo(ids.get(0));
        assertThat(list("/admin/webhook-events?provider=twilio&status=ignored").get("items"))
                .noneSatisfy(n -> assertThat(n.get("provider").asText()).isEqualTo("stripe"));
        assertThat(list("/admin/webhook-events").get("items").size()).isLessThanOrEqualTo(100);
    }

    @Test
    void refusesBadParametersAndMissingCredentials() {
        for (String query : List.of("limit=0", "limit=1001", "provider=paypal", "status=done", "cursor=abc")) {
            HttpResponse<String> response = hub().getAdmin("/admin/webhook-events?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.body()).contains("\"error\":\"validation_failed\"");
        }
        assertThat(hub().get("/admin/webhook-events", Map.of()).statusCode()).isEqualTo(401);
        assertThat(hub().post("/admin/webhook-events/stripe/evt_x/replay", new byte[0], Map.of()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void replayOfAnUnknownEventIsNotFound() {
        HttpResponse<String> unknownEvent = hub().postAdmin("/admin/webhook-events/stripe/" + unique("evt_none_")
                + "/replay");
        assertThat(unknownEvent.statusCode()).isEqualTo(404);
        assertThat(unknownEvent.body()).contains("\"error\":\"not_found\"");
        assertThat(hub().postAdmin("/admin/webhook-events/paypal/evt_1/replay").statusCode()).isEqualTo(404);
    }

    @Test
    void replayingProcessedEventsRunsThemAgainWithNoSecondStatusChangeOrSideEffect() {
        String invoiceId = issueInvoice(8000, "+15551234567");
        String paid = unique("evt_paid_");
        String refunded = unique("evt_refunded_");
        assertThat(postSignedStripe(WebhookSigner.stripeEvent(paid, "payment_intent.succeeded",
                WebhookSigner.paymentIntent(paymentIntentOf(invoiceId), invoiceId, 8000))).statusCode()).isEqualTo(200);
        assertThat(postSignedStripe(WebhookSigner.stripeEvent(refunded, "charge.refunded",
                WebhookSigner.charge(unique("ch_"), paymentIntentOf(invoiceId), invoiceId, 8000, 2000))).statusCode())
                .isEqualTo(200);
        awaitEventStatus("stripe", paid, "processed");
        awaitEventStatus("stripe", refunded, "processed");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(count(
                "SELECT COUNT(*) FROM idempotency_keys WHERE invoice_id = ? AND status <> 'succeeded'", invoiceId))
                .isZero());
        Snapshot before = snapshot(invoiceId);
        assertThat(before.status()).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(before.ledgerTransactions()).isEqualTo(3);

        for (String eventId : List.of(paid, refunded)) {
            HttpResponse<String> replay = hub().postAdmin("/admin/webhook-events/stripe/" + eventId + "/replay");
            assertThat(replay.statusCode()).isEqualTo(200);
            assertThat(replay.body()).contains("\"status\":\"processed\"", eventId);
            assertThat(eventRow("stripe", eventId)).containsEntry("attempts", 2);
        }

        // a replay applies the event before it answers: any further posting or SMS would need a side effect it
        // created or reopened, so none new and every one still settled means none can follow
        assertThat(snapshot(invoiceId)).isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM idempotency_keys WHERE invoice_id = ? AND status <> 'succeeded'",
                invoiceId)).isZero();
    }

    private Snapshot snapshot(String invoiceId) {
        Map<String, Object> invoice = jdbc.queryForMap("SELECT status, refund_posted_minor FROM invoices "
                + "WHERE invoice_id = ?", invoiceId);
        return new Snapshot((String) invoice.get("status"), ((Number) invoice.get("refund_posted_minor")).longValue(),
                count("SELECT COUNT(*) FROM idempotency_keys WHERE invoice_id = ?", invoiceId),
                count("SELECT COUNT(*) FROM sandbox_ledger_transactions WHERE idempotency_key LIKE ?", invoiceId + ":%"),
                count("SELECT COUNT(*) FROM sms_messages WHERE invoice_id = ?", invoiceId));
    }

    private JsonNode list(String path) throws Exception {
        HttpResponse<String> response = hub().getAdmin(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    record Snapshot(String status, long refundPostedMinor, int sideEffects, int ledgerTransactions,
                    int smsMessages) {
    }
}
