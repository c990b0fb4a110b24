package io.financehub.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.financehub.support.FlowIntegrationBase;
import io.financehub.support.JmsTestClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The worked example, {@code routes/crm-payment-sync.camel.yaml}, through the whole hub: payment.succeeded events on
 * {@code hub.events} (duplicates, two invoices, interleaved) reach the WireMock CRM once per invoice, with the
 * Idempotency-Key header, one {@code flow_calls} row and an entry in the invoice's timeline.
 */
class CrmPaymentSyncIT extends FlowIntegrationBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void duplicateAndInterleavedEventsOfTwoInvoicesReachTheCrmOncePerInvoice() throws Exception {
        String a = newInvoiceId();
        String b = newInvoiceId();
        issue(a);
        issue(b);

        try (JmsTestClient jms = jms()) {
            publishPaymentSucceeded(jms, a, "evt_" + a + "_1");
            publishPaymentSucceeded(jms, b, "evt_" + b + "_1");
            publishPaymentSucceeded(jms, a, "evt_" + a + "_1");
            publishPaymentSucceeded(jms, b, "evt_" + b + "_2");
            publishPaymentSucceeded(jms, a, "evt_" + a + "_1");
            publishPaymentSucceeded(jms, b, "evt_" + b + "_1");
        }

        String keyA = a + ":crm-payment-sync";
        String keyB = b + ":crm-payment-sync";
        awaitStatus(keyA, "succeeded");
        awaitStatus(keyB, "succeeded");
        // every copy was consumed (the route audits each one), so a second CRM request would have happened by now
        await().atMost(Duration.ofSeconds(30)).until(() -> consumed(keyA) == 3 && consumed(keyB) == 3);
        assertThat(sideEffectStatus(keyA)).isEqualTo("succeeded");

        List<LoggedRequest> toA = crmRequests(keyA);
        List<LoggedRequest> toB = crmRequests(keyB);
        assertThat(toA).hasSize(1);
        assertThat(toB).hasSize(1);
        assertThat(toA.get(0).getHeader("Content-Type")).startsWith("application/json");
        JsonNode sent = JSON.readTree(toA.get(0).getBodyAsString());
        assertThat(sent.get("invoiceId").asText()).isEqualTo(a);
        assertThat(sent.get("eventType").asText()).isEqualTo("payment.succeeded");
        assertThat(JSON.readTree(toB.get(0).getBodyAsString()).get("invoiceId").asText()).isEqualTo(b);

        List<Map<String, Object>> audit = flowCalls(keyA);
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0)).containsEntry("invoice_id", a).containsEntry("status", "succeeded")
                .containsEntry("http_status", 200).containsEntry("attempt", 1);
        assertThat((String) audit.get(0).get("endpoint")).startsWith("direct:crm-post-payment -> http://")
                .contains(CRM_PATH, "responseTimeout=" + CRM_RESPONSE_TIMEOUT.toMillis());
        assertThat((String) audit.get(0).get("request")).contains("Idempotency-Key: " + keyA, "\"invoiceId\":\"" + a);
        assertThat((String) audit.get(0).get("response")).contains("\"synced\":true");
        assertThat(audit.get(0).get("finished_at")).isNotNull();

        HttpResponse<String> timeline = hub().getApi("/api/invoices/" + a);
        assertThat(timeline.statusCode()).isEqualTo(200);
        JsonNode flowCalls = JSON.readTree(timeline.body()).get("flowCalls");
        assertThat(flowCalls).hasSize(1);
        assertThat(flowCalls.get(0).get("idempotencyKey").asText()).isEqualTo(keyA);
        assertThat(flowCalls.get(0).get("flow").asText()).isEqualTo("crm-payment-sync");
        assertThat(flowCalls.get(0).get("status").asText()).isEqualTo("succeeded");
        assertThat(flowCalls.get(0).get("attempts").asInt()).isEqualTo(1);
        assertThat(flowCalls.get(0).get("httpStatus").asInt()).isEqualTo(200);
        assertThat(flowCalls.get(0).get("endpoint").asText()).contains(CRM_PATH);
        assertThat(JSON.readTree(timeline.body()).get("payments").isArray()).as("the rest is unchanged").isTrue();
    }

    @Test
    void otherEventTypesAreNotSubscribed() {
        String id = newInvoiceId();
        issue(id);
        try (JmsTestClient jms = jms()) {
            jms.publish(EVENTS, "{\"eventId\":\"evt_f\",\"eventType\":\"payment.failed\",\"invoiceId\":\"" + id + "\"}",
                    Map.of("eventType", "payment.failed", "invoiceId", id));
            publishPaymentSucceeded(jms, id, "evt_" + id);
        }

        awaitStatus(id + ":crm-payment-sync", "succeeded");
        await().atMost(Duration.ofSeconds(10)).until(() -> consumed(id + ":crm-payment-sync") == 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM route_exchanges WHERE route_id = 'crm-payment-sync' "
                + "AND body LIKE ?", Integer.class, "%payment.failed%")).isZero();
        assertThat(crmRequests(id + ":crm-payment-sync")).hasSize(1);
    }

    private int consumed(String key) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM route_exchanges WHERE route_id = 'crm-payment-sync' "
                + "AND correlation_key = ?", Integer.class, key);
    }
}
