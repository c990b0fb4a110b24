package io.financehub.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.financehub.support.FlowIntegrationBase;
import io.financehub.support.JmsTestClient;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a flow's call does when the endpoint does not simply answer 2xx, through the whole hub and a WireMock CRM:
 * a refusal for now is retried under the same key, a refusal for good becomes a dead letter an operator retries, and
 * an answer that never comes under {@code mark-unknown} leaves the side effect unknown without a second call.
 */
class FlowCallOutcomesIT extends FlowIntegrationBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ProducerTemplate producer;

    @Test
    void aRefusalForNowIsRetriedUnderTheSameKeyUntilItSucceeds() {
        String id = newInvoiceId();
        String key = id + ":crm-payment-sync";
        issue(id);
        CRM.stubFor(post(urlEqualTo(CRM_PATH)).atPriority(1).withHeader("Idempotency-Key", equalTo(key))
                .inScenario(key).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1").withBody("maintenance")));

        try (JmsTestClient jms = jms()) {
            publishPaymentSucceeded(jms, id, "evt_" + id);
        }

        awaitStatus(key, "succeeded");
        assertThat(crmRequests(key)).hasSize(2);
        List<Map<String, Object>> audit = flowCalls(key);
        assertThat(audit).extracting(r -> r.get("http_status")).containsExactly(503, 200);
        assertThat(audit).extracting(r -> r.get("status")).containsExactly("retrying", "succeeded");
        assertThat(audit.get(0).get("response")).isEqualTo("maintenance");
        assertThat(crmRequests(key)).allSatisfy(r -> assertThat(r.getHeader("Idempotency-Key")).isEqualTo(key));
    }

    @Test
    void aRefusalForGoodIsDeadLetteredAndAnOperatorsRetryCallsOnceMore() throws Exception {
        String id = newInvoiceId();
        String key = id + ":crm-payment-sync";
        issue(id);
        StubMapping refusal = CRM.stubFor(post(urlEqualTo(CRM_PATH)).atPriority(1)
                .withHeader("Idempotency-Key", equalTo(key))
                .willReturn(aResponse().withStatus(422).withBody("{\"error\":\"unknown customer\"}")));

        try (JmsTestClient jms = jms()) {
            publishPaymentSucceeded(jms, id, "evt_" + id);
        }

        awaitStatus(key, "failed");
        assertThat(crmRequests(key)).hasSize(1);
        Map<String, Object> letter = jdbc.queryForMap("SELECT id, queue, status, reason FROM dead_letters "
                + "WHERE idempotency_key = ?", key);
        assertThat(letter).containsEntry("queue", "hub.side-effects.flows").containsEntry("status", "open");
        assertThat((String) letter.get("reason")).contains("http-422");
        assertThat(hub().getAdmin("/admin/dead-letters").body()).contains(key);

        CRM.removeStub(refusal);
        HttpResponse<String> retried = hub().postAdmin("/admin/dead-letters/" + letter.get("id") + "/retry");

        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(retried.body()).contains("\"status\":\"retried\"");
        awaitStatus(key, "succeeded");
        assertThat(crmRequests(key)).hasSize(2);
        assertThat(flowCalls(key)).extracting(r -> r.get("http_status")).containsExactly(422, 200);
        assertThat(flowCalls(key)).extracting(r -> r.get("status")).containsExactly("failed", "succeeded");
        JsonNode entry = JSON.readTree(hub().getApi("/api/invoices/" + id).body()).get("flowCalls").get(0);
        assertThat(entry.get("status").asText()).isEqualTo("succeeded");
        assertThat(entry.get("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void noAnswerInTimeUnderMarkUnknownLeavesTheCallUnknownWithoutASecondCall() throws Exception {
        String id = newInvoiceId();
        String key = id + ":crm-note";
        issue(id);
        CRM.stubFor(post(urlEqualTo(CRM_PATH)).atPriority(1).withHeader("Idempotency-Key", equalTo(key))
                .willReturn(aResponse().withStatus(200).withFixedDelay((int) CRM_RESPONSE_TIMEOUT.toMillis() * 2)));

        producer.sendBodyAndHeader("direct:test-crm-note-mark-unknown", "{\"note\":\"paid\"}", "invoiceId", id);

        awaitStatus(key, "unknown");
        // nothing may call again: neither a retry nor the outbox relay touches an unknown side effect
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> crmRequests(key).size() == 1);
        assertThat(sideEffectStatus(key)).isEqualTo("unknown");
        List<Map<String, Object>> audit = flowCalls(key);
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0)).containsEntry("status", "unknown").containsEntry("http_status", null);
        assertThat((String) audit.get(0).get("response")).startsWith("no response: no answer in time");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dead_letters WHERE idempotency_key = ?", Integer.class,
                key)).isZero();
        JsonNode entry = JSON.readTree(hub().getApi("/api/invoices/" + id).body()).get("flowCalls").get(0);
        assertThat(entry.get("flow").asText()).isEqualTo("crm-note");
        assertThat(entry.get("status").asText()).isEqualTo("unknown");
    }

    @Test
    void aFlowKeyUnderNoInvoiceIsRefusedAndNothingIsCalled() {
        String id = newInvoiceId();

        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> producer.sendBodyAndHeader(
                "direct:test-crm-note-mark-unknown", "{}", "invoiceId", id));

        assertThat(refused).hasRootCauseMessage("flow key " + id + ":crm-note: the hub has no invoice " + id
                + " (a flow's key starts with an existing invoice id)");
        assertThat(sideEffectStatus(id + ":crm-note")).isNull();
        assertThat(crmRequests(id + ":crm-note")).isEmpty();
    }
}
