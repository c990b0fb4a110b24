package io.financehub.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.support.HubClient;
import io.financehub.support.HubIntegrationBase;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * hawtio's Route Diagram and Source tabs: hawtio asks the CamelContext MBean, over Jolokia, for
 * {@code dumpRoutesAsXml} (the diagram) and {@code dumpRoutesAsYaml}; both must answer with every route the hub
 * runs, by id.
 */
class RouteDiagramIT extends HubIntegrationBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ADMIN = Map.of("Authorization", HubClient.basicAdmin(),
            "Content-Type", "application/json");

    @Autowired
    CamelContext camel;

    @Test
    void theRouteDiagramHasEveryRouteById() throws Exception {
        String xml = exec("dumpRoutesAsXml()");

        assertThat(xml).startsWith("<").contains("<route");
        for (String id : routeIds()) {
            assertThat(xml).as("dumpRoutesAsXml shows %s", id).contains("id=\"" + id + "\"");
        }
    }

    @Test
    void theRouteSourceInYamlHasEveryRouteById() throws Exception {
        String yaml = exec("dumpRoutesAsYaml()");

        assertThat(yaml).contains("- route:");
        for (String id : routeIds()) {
            assertThat(yaml).as("dumpRoutesAsYaml shows %s", id).containsPattern("id: \"?" + id + "\"?\\n");
        }
    }

    private List<String> routeIds() {
        List<String> ids = camel.getRoutes().stream().map(Route::getRouteId).toList();
        assertThat(ids).contains("payments-worker", "invoice-commands", "exchange-audit",
                // the intake routes and the vendor routes, which hawtio lists with their own statistics
                "stripe-webhook-intake", "twilio-webhook-intake", "issue-invoice", "invoice-timeline",
                "twilio-send-sms", "hledger-add-transaction", "xero-post-manual-journal",
                "stripe-create-payment-intent", "domain-event-publisher", "flows-worker");
        return ids;
    }

    /** What hawtio does: find the CamelContext MBean, then run the operation on it as the admin. */
    private String exec(String operation) throws Exception {
        // the test JVM keeps other test classes' hubs (and their Camel MBeans) alive: ask for this hub's own
        HttpResponse<String> search = hub().get("/actuator/jolokia/search/org.apache.camel:context="
                + camel.getManagementName() + ",type=context,*", ADMIN);
        assertThat(search.statusCode()).isEqualTo(200);
        JsonNode contexts = JSON.readTree(search.body()).path("value");
        assertThat(contexts).hasSize(1);

        String request = JSON.writeValueAsString(Map.of("type", "exec", "mbean", contexts.get(0).asText(),
                "operation", operation));
        HttpResponse<String> answer = hub().post("/actuator/jolokia", request.getBytes(StandardCharsets.UTF_8), ADMIN);

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("status").asInt()).as(answer.body()).isEqualTo(200);
        return body.path("value").asText();
    }
}
