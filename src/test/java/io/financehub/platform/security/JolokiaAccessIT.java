package io.financehub.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.support.HubClient;
import io.financehub.support.HubIntegrationBase;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each role may do through {@code /actuator/jolokia}, in every request syntax Jolokia accepts: a single POST, a
 * bulk POST (a JSON array), and the GET path form. Heap dumps and diagnostic commands are refused to everyone;
 * writes and operations outside Camel and Artemis to everyone but the admin; the viewer only reads.
 */
class JolokiaAccessIT extends HubIntegrationBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOTSPOT = "com.sun.management:type=HotSpotDiagnostic";
    private static final String DIAGNOSTIC = "com.sun.management:type=DiagnosticCommand";

    private static final String VIEWER = HubClient.basic(VIEWER_USER, VIEWER_PASSWORD);
    private static final String OPERATOR = HubClient.basic(OPERATOR_USER, OPERATOR_PASSWORD);
    private static final String ADMIN = HubClient.basic(ADMIN_USER, ADMIN_PASSWORD);

    @Autowired
    CamelContext camel;

    @AfterEach
    void routeRunsAgain() throws Exception {
        if (camel.getRouteController().getRouteStatus("sms-worker") != ServiceStatus.Started) {
            camel.getRouteController().startRoute("sms-worker");
        }
    }

    @Test
    void nobodyDumpsTheHeapInAnySyntax() throws Exception {
        for (String who : new String[] {ADMIN, OPERATOR, VIEWER}) {
            Path dump = Files.createTempDirectory("jolokia-").resolve("heap.hprof");
            String exec = "{\"type\":\"exec\",\"mbean\":\"" + HOTSPOT + "\",\"operation\":\"dumpHeap\",\"arguments\":[\""
                    + dump + "\",true]}";
            assertStatus(post(who, exec), 403);
            JsonNode bulk = post(who, "[{\"type\":\"version\"}," + exec + "]");
            assertThat(bulk.get(0).path("status").asInt()).isEqualTo(200);
            assertThat(bulk.get(1).path("status").asInt()).isEqualTo(403);
            String signature = "{\"type\":\"exec\",\"mbean\":\"" + HOTSPOT
                    + "\",\"operation\":\"dumpHeap(java.lang.String,boolean)\",\"arguments\":[\"" + dump + "\",true]}";
            assertStatus(post(who, signature), 403);
            assertStatus(get(who, "/exec/" + HOTSPOT + "/dumpHeap/" + URLEncoder.encode(dump.toString(),
                    StandardCharsets.UTF_8).replace("%2F", "!/") + "/true"), 403);
            // the same MBean named with its keys in another order, or with a pattern, is the same MBean
            assertThat(status(post(who, exec.replace(HOTSPOT, "com.sun.management:type=HotSpotDiagnostic,")))).isNotEqualTo(200);
            assertThat(status(post(who, exec.replace(HOTSPOT, "com.sun.management:*")))).isNotEqualTo(200);
            assertThat(status(post(who, "{\"type\":\"write\",\"mbean\":\"" + HOTSPOT
                    + "\",\"attribute\":\"DiagnosticOptions\",\"value\":[]}"))).isNotEqualTo(200);
            assertThat(dump).doesNotExist();
        }
    }

    @Test
    void nobodyRunsDiagnosticCommands() throws Exception {
        for (String who : new String[] {ADMIN, OPERATOR, VIEWER}) {
            for (String command : new String[] {"gcHeapDump", "vmSystemProperties", "vmFlags", "help"}) {
                String exec = "{\"type\":\"exec\",\"mbean\":\"" + DIAGNOSTIC + "\",\"operation\":\"" + command
                        + "\",\"arguments\":[[]]}";
                assertThat(status(post(who, exec))).as(command).isEqualTo(403);
            }
        }
    }

    @Test
    void theViewerReadsButNeverStopsARouteOrWritesAnAttribute() throws Exception {
        assertStatus(post(VIEWER, "{\"type\":\"read\",\"mbean\":\"java.lang:type=Memory\","
                + "\"attribute\":\"HeapMemoryUsage\"}"), 200);
        assertStatus(post(VIEWER, "{\"type\":\"search\",\"mbean\":\"org.apache.camel:type=routes,*\"}"), 200);
        // the route diagram in hawtio is drawn from this read-only operation
        assertStatus(post(VIEWER, "{\"type\":\"exec\",\"mbean\":\"" + camelContext()
                + "\",\"operation\":\"dumpRoutesAsXml()\",\"arguments\":[]}"), 200);

        assertStatus(post(VIEWER, stop()), 403);
        assertStatus(get(VIEWER, "/exec/org.apache.camel:context=" + camel.getManagementName() + ",type=routes,name=%22sms-worker%22/stop"), 403);
        assertStatus(post(VIEWER, "[{\"type\":\"version\"}," + stop() + "]").get(1), 403);
        assertStatus(post(VIEWER, "{\"type\":\"write\",\"mbean\":\"java.lang:type=Memory\","
                + "\"attribute\":\"Verbose\",\"value\":false}"), 403);
        assertThat(camel.getRouteController().getRouteStatus("sms-worker")).isEqualTo(ServiceStatus.Started);
    }

    @Test
    void theOperatorStartsAndStopsRoutesButTouchesNothingOutsideCamelAndArtemis() throws Exception {
        assertStatus(post(OPERATOR, stop()), 200);
        assertThat(camel.getRouteController().getRouteStatus("sms-worker")).isEqualTo(ServiceStatus.Stopped);
        assertStatus(post(OPERATOR, stop().replace("stop()", "start()")), 200);
        assertThat(camel.getRouteController().getRouteStatus("sms-worker")).isEqualTo(ServiceStatus.Started);

        assertStatus(post(OPERATOR, "{\"type\":\"exec\",\"mbean\":\"java.lang:type=Memory\",\"operation\":\"gc\",\"arguments\":[]}"), 403);
        assertStatus(get(OPERATOR, "/exec/java.lang:type=Memory/gc"), 403);
        assertStatus(post(OPERATOR, "{\"type\":\"write\",\"mbean\":\"java.lang:type=Memory\","
                + "\"attribute\":\"Verbose\",\"value\":false}"), 403);
        assertStatus(post(OPERATOR, "{\"type\":\"exec\",\"mbean\":\"java.util.logging:type=Logging\","
                + "\"operation\":\"setLoggerLevel\",\"arguments\":[\"\",\"OFF\"]}"), 403);
        assertStatus(post(OPERATOR, "[" + stop().replace("stop()", "getState()") + ","
                + "{\"type\":\"exec\",\"mbean\":\"java.lang:type=Memory\",\"operation\":\"gc\",\"arguments\":[]}]").get(1), 403);
    }

    @Test
    void theAdminMayOperateOutsideCamelButNotDiagnose() throws Exception {
        assertStatus(post(ADMIN, "{\"type\":\"exec\",\"mbean\":\"java.lang:type=Memory\",\"operation\":\"gc\",\"arguments\":[]}"), 200);
        assertStatus(post(ADMIN, "{\"type\":\"write\",\"mbean\":\"java.lang:type=Memory\","
                + "\"attribute\":\"Verbose\",\"value\":false}"), 200);
        assertStatus(post(ADMIN, stop()), 200);
    }

    @Test
    void theScrapeCredentialDoesNotReachJolokia() {
        HttpResponse<String> answer = hub().request("POST", "/actuator/jolokia", "{\"type\":\"version\"}",
                Map.of("Authorization", HubClient.basic(METRICS_USER, METRICS_PASSWORD),
                        "Content-Type", "application/json"));
        assertThat(answer.statusCode()).isEqualTo(403);
    }

    private String stop() {
        return "{\"type\":\"exec\",\"mbean\":\"" + smsRoute() + "\",\"operation\":\"stop()\",\"arguments\":[]}";
    }

    /** JMX names the context {@code hub}, or {@code hub-2} when another test context of this JVM holds the name. */
    private String smsRoute() {
        return "org.apache.camel:context=" + camel.getManagementName() + ",type=routes,name=\\\"sms-worker\\\"";
    }

    private String camelContext() {
        return "org.apache.camel:context=" + camel.getManagementName() + ",type=context,name=\\\"hub\\\"";
    }

    private JsonNode post(String who, String body) throws Exception {
        HttpResponse<String> answer = hub().request("POST", "/actuator/jolokia", body,
                Map.of("Authorization", who, "Content-Type", "application/json"));
        assertThat(answer.statusCode()).as(answer.body()).isIn(200, 403);
        return answer.statusCode() == 403 ? JSON.createObjectNode().put("status", 403) : JSON.readTree(answer.body());
    }

    private JsonNode get(String who, String path) throws Exception {
        HttpResponse<String> answer = hub().get("/actuator/jolokia" + path, Map.of("Authorization", who));
        assertThat(answer.statusCode()).as(answer.body()).isIn(200, 403);
        return answer.statusCode() == 403 ? JSON.createObjectNode().put("status", 403) : JSON.readTree(answer.body());
    }

    private static int status(JsonNode answer) {
        return answer.path("status").asInt();
    }

    /** The Jolokia status of one answer, with its error text when it is not the expected one. */
    private static void assertStatus(JsonNode answer, int expected) {
        assertThat(status(answer)).as(answer.path("error").asText("")).isEqualTo(expected);
    }
}
