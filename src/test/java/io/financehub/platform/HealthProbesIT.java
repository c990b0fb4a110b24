package io.financehub.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.support.HubIntegrationBase;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

import io.financehub.support.HubClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the orchestrator's probes mean. Liveness is the process alone: a database fail-over or a broker restart must
 * not make Kubernetes kill every replica at once (and with them the vendor calls in flight). Readiness is what the
 * served traffic needs, the database: webhooks and invoice commands are stored first and reach the broker through
 * the relays, so a broker outage does not stop intake.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // the test stops this context's broker
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the outage last: with the broker gone, /health's jms check is slow
class HealthProbesIT extends HubIntegrationBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient PROMPT = HttpClient.newHttpClient();

    @Autowired
    EmbeddedActiveMQ broker;

    @Test
    @Order(1)
    void livenessIsTheProcessAloneAndReadinessAddsTheDatabase() throws Exception {
        assertThat(components("/actuator/health/liveness")).containsExactly("livenessState");
        assertThat(components("/actuator/health/readiness")).containsExactlyInAnyOrder("readinessState", "db");
        // the whole picture stays available to operators
        assertThat(components("/actuator/health")).contains("db", "jms");
    }

    @Test
    @Order(2)
    void aBrokerOutageShowsInHealthButKeepsTheReplicaAliveAndReady() throws Exception {
        broker.stop();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(hub().get("/actuator/health", Map.of()).body()).contains("\"jms\":{\"status\":\"DOWN\""));
        HttpResponse<String> liveness = hub().get("/actuator/health/liveness", Map.of());
        HttpResponse<String> readiness = hub().get("/actuator/health/readiness", Map.of());
        assertThat(liveness.statusCode()).as(liveness.body()).isEqualTo(200);
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        // and what readiness promises holds: intake still answers promptly (the hand-off to the broker is not on the
        // request's thread; an unreachable broker blocks a send for half a minute), the relay queues the work later
        for (int i = 0; i < 3; i++) {
            String id = "INV-PROBE-" + java.util.UUID.randomUUID().toString().substring(0, 8);
            HttpResponse<String> issued = PROMPT.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/invoices"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + API_TOKEN)
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString(HubClient.invoiceJson(id, "USD", 100, null))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(202);
        }
    }

    private List<String> components(String path) throws Exception {
        HttpResponse<String> response = hub().get(path, Map.of());
        JsonNode components = JSON.readTree(response.body()).path("components");
        return StreamSupport.stream(((Iterable<String>) components::fieldNames).spliterator(), false).toList();
    }
}
