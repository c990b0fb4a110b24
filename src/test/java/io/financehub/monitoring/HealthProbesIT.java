package io.financehub.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.support.HubIntegrationTest;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

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
class HealthProbesIT extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    EmbeddedActiveMQ broker;

    @Test
    void livenessIsTheProcessAloneAndReadinessAddsTheDatabase() throws Exception {
        assertThat(components("/actuator/health/liveness")).containsExactly("livenessState");
        assertThat(components("/actuator/health/readiness")).containsExactlyInAnyOrder("readinessState", "db");
        // the whole picture stays available to operators
        assertThat(components("/actuator/health")).contains("db", "jms");
    }

    @Test
    void aBrokerOutageShowsInHealthButKeepsTheReplicaAliveAndReady() throws Exception {
        broker.stop();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(hub().get("/actuator/health", Map.of()).body()).contains("\"jms\":{\"status\":\"DOWN\""));
        HttpResponse<String> liveness = hub().get("/actuator/health/liveness", Map.of());
        HttpResponse<String> readiness = hub().get("/actuator/health/readiness", Map.of());
        assertThat(liveness.statusCode()).as(liveness.body()).isEqualTo(200);
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(200);
        // and what readiness promises holds: intake still answers, the relay queues the work once the broker is back
        String id = "INV-PROBE-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> issued = hub().postInvoice(io.financehub.support.HubClient.invoiceJson(id, "USD", 100, null));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(202);
    }

    private List<String> components(String path) throws Exception {
        HttpResponse<String> response = hub().get(path, Map.of());
        JsonNode components = JSON.readTree(response.body()).path("components");
        return StreamSupport.stream(((Iterable<String>) components::fieldNames).spliterator(), false).toList();
    }
}
