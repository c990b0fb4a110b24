package io.financehub.flow;

import io.financehub.support.FlowIntegrationBase;
import io.financehub.support.JmsTestClient;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event a flow cannot take (here: its invoice is not yet known to the hub) is redelivered by the broker, then
 * dead-lettered under the flow's own subscription queue; an operator's retry from {@code /admin/dead-letters} reaches
 * that flow alone, which then calls the CRM once.
 */
class FlowEventDeadLetterIT extends FlowIntegrationBase {

    @Test
    void anEventTheFlowGaveUpOnIsRetriedByAnOperatorIntoThatFlowOnly() {
        String id = newInvoiceId();
        String key = id + ":crm-payment-sync";
        try (JmsTestClient jms = jms()) {
            publishPaymentSucceeded(jms, id, "evt_" + id);
        }

        Map<String, Object> letter = await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.queryForList(
                "SELECT id, queue, status FROM dead_letters WHERE body LIKE ?", "%\"invoiceId\":\"" + id + "\"%"),
                rows -> !rows.isEmpty()).get(0);
        assertThat(letter).containsEntry("queue", "hub.events::crm-payment-sync").containsEntry("status", "open");
        assertThat(crmRequests(key)).isEmpty();

        issue(id);
        HttpResponse<String> retried = hub().postAdmin("/admin/dead-letters/" + letter.get("id") + "/retry");

        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        awaitStatus(key, "succeeded");
        assertThat(crmRequests(key)).hasSize(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM route_exchanges WHERE route_id = 'crm-payment-sync' AND correlation_key = ?",
                Integer.class, key) == 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dead_letters WHERE body LIKE ? AND status = 'open'",
                Integer.class, "%\"invoiceId\":\"" + id + "\"%")).isZero();
    }
}
