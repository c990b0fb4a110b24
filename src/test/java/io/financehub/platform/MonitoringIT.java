package io.financehub.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.support.HubClient;
import io.financehub.support.HubIntegrationBase;
import org.junit.jupiter.api.Test;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What operators and orchestrators see: health, hawtio, Jolokia, JMX and Prometheus, and who may see it. */
class MonitoringIT extends HubIntegrationBase {

    private static final Map<String, String> ADMIN = Map.of("Authorization", HubClient.basicAdmin());

    @Test
    void healthIsOpenAndShowsTheDatabaseAndTheBroker() {
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> health = hub().get(path, Map.of());
            assertThat(health.statusCode()).as(path).isEqualTo(200);
            assertThat(health.body()).as(path).contains("\"status\":\"UP\"");
        }
        assertThat(hub().get("/actuator/health", Map.of()).body()).contains("\"db\"", "\"jms\"");
        assertThat(hub().get("/actuator/health/readiness", Map.of()).body()).contains("\"db\"");
    }

    @Test
    void hawtioNeedsTheAdminCredentials() {
        HttpResponse<String> anonymous = hub().get("/actuator/hawtio/", Map.of());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("\"error\":\"unauthorized\"");

        HttpResponse<String> wrong = hub().get("/actuator/hawtio/", Map.of("Authorization", "Basic YWRtaW46bm9wZQ=="));
        assertThat(wrong.statusCode()).isEqualTo(401);

        HttpResponse<String> page = hub().get("/actuator/hawtio/", ADMIN);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("hawtio");
    }

    @Test
    void hawtiosCamelTabSeesTheRoutesByIdThroughJolokia() {
        HttpResponse<String> search = hub().get("/actuator/jolokia/search/org.apache.camel:type=routes,*", ADMIN);

        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).contains("payments-worker", "accounting-worker", "sms-worker", "invoice-commands",
                "outbox-relay", "dead-letter-recorder");
        assertThat(hub().get("/actuator/jolokia/search/org.apache.camel:type=routes,*", Map.of()).statusCode())
                .isEqualTo(401);
    }

    @Test
    void jmxShowsRouteMBeansNamedAfterRouteIds() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> routes = server.queryNames(new ObjectName("org.apache.camel:type=routes,*"), null);

        assertThat(routes).extracting(n -> n.getKeyProperty("name"))
                .contains("\"payments-worker\"", "\"invoice-commands\"", "\"outbox-relay\"");
        ObjectName payments = routes.stream().filter(n -> n.getKeyProperty("name").equals("\"payments-worker\""))
                .findFirst().orElseThrow();
        assertThat(server.getAttribute(payments, "State")).isEqualTo("Started");
    }

    @Test
    void prometheusNeedsCredentialsAndCarriesCamelRouteMetrics() {
        assertThat(hub().get("/actuator/prometheus", Map.of()).statusCode()).isEqualTo(401);

        HttpResponse<String> metrics = hub().get("/actuator/prometheus", ADMIN);

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("camel_", "routeId=\"payments-worker\"");
    }

    @Test
    void infoShowsTheBuildAndTheGitCommitToViewersAndUp() throws Exception {
        assertThat(hub().get("/actuator/info", Map.of()).statusCode()).isEqualTo(401);
        assertThat(hub().get("/actuator/info", Map.of("Authorization", HubClient.basic(METRICS_USER,
                METRICS_PASSWORD))).statusCode()).as("the scrape account reads metrics only").isEqualTo(403);

        HttpResponse<String> info = hub().get("/actuator/info", Map.of("Authorization",
                HubClient.basic(VIEWER_USER, VIEWER_PASSWORD)));

        assertThat(info.statusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(info.body());
        assertThat(body.path("build").path("version").asText()).isNotBlank();
        assertThat(body.path("build").path("artifact").asText()).isEqualTo("finance-integration-hub");
        // built from this repository's clone: the commit, its branch and time (docs/metrics.md)
        assertThat(body.path("git").path("commit").path("id").path("full").asText()).matches("[0-9a-f]{40}");
        assertThat(body.path("git").path("commit").path("id").path("abbrev").asText()).isNotBlank();
        assertThat(body.path("git").path("commit").path("time").asText()).isNotBlank();
        assertThat(body.path("git").path("branch").asText()).isNotBlank();
        assertThat(hub().get("/actuator/info", ADMIN).statusCode()).isEqualTo(200);
    }
}
