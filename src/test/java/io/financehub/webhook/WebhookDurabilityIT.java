package io.financehub.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.support.HubClient;
import io.financehub.support.HubIntegrationBase;
import io.financehub.support.WebhookSigner;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Durable acknowledgement on the embedded default (H2 file + embedded Artemis), proven with a real crash: the
 * packaged jar runs as a child process, acknowledges signed webhooks, and is killed with SIGKILL right after the
 * last 200. After a restart on the same data directory every acknowledged event is there and gets processed; after
 * a second kill the H2 file itself, opened directly, holds every acknowledged row.
 * <p>
 * {@code -Dhub.it.kill9.datasource-url=...} runs the same crash against another datasource URL ({@code {dir}} is
 * replaced by the data directory), e.g. H2 without {@code WRITE_DELAY=0}, to measure what that setting is worth.
 */
class WebhookDurabilityIT {

    static final int EVENTS_PER_ROUND = 25;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<Process, Integer> ports = new IdentityHashMap<>();

    @Test
    void everyAcknowledgedWebhookSurvivesAKillMinusNineOfTheHub() throws Exception {
        Path dataDir = Files.createTempDirectory("hub-kill9-");
        List<String> acknowledged = new ArrayList<>();

        Process first = start(dataDir, "first");
        try {
            acknowledged.addAll(deliverThenKill(first, port(first)));
        } finally {
            first.destroyForcibly();
        }

        Process second = start(dataDir, "second");
        try {
            int port = port(second);
            // the restarted hub has every acknowledged event...
            Map<String, String> listed = statuses(port, acknowledged);
            List<String> lostInFirstCrash = acknowledged.stream().filter(id -> !listed.containsKey(id)).toList();
            assertThat(lostInFirstCrash).as("acknowledged but lost after kill -9: %d of %d", lostInFirstCrash.size(),
                    acknowledged.size()).isEmpty();
            // ...and processes them (from the broker's journal, or through the relay)
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                    assertThat(statuses(port, acknowledged)).doesNotContainValue("received"));
            acknowledged.addAll(deliverThenKill(second, port));
        } finally {
            second.destroyForcibly();
        }

        Set<String> stored = storedEventIds(dataDir);
        List<String> lost = acknowledged.stream().filter(id -> !stored.contains(id)).toList();
        assertThat(lost).as("acknowledged but lost after kill -9: %d of %d", lost.size(), acknowledged.size()).isEmpty();
    }

    /** Posts signed events one after another and kills the hub the moment the last one is acknowledged. */
    private List<String> deliverThenKill(Process hub, int port) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < EVENTS_PER_ROUND; i++) {
            String eventId = "evt_kill9_" + UUID.randomUUID().toString().replace("-", "");
            byte[] body = WebhookSigner.stripeEvent(eventId, "customer.created", "{\"id\":\"cus_1\"}");
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/webhooks/stripe"))
                    .header("Stripe-Signature", WebhookSigner.stripe(body, HubIntegrationBase.STRIPE_SECRET))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (i == EVENTS_PER_ROUND - 1) {
                hub.destroyForcibly();
            }
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            ids.add(eventId);
        }
        assertThat(hub.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(hub.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        return ids;
    }

    private Map<String, String> statuses(int port, List<String> eventIds) {
        JsonNode items;
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/admin/webhook-events?provider=stripe&limit=1000"))
                    .header("Authorization", HubClient.basicAdmin()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            items = new ObjectMapper().readTree(response.body()).get("items");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Map<String, String> found = new HashMap<>();
        items.forEach(item -> {
            if (eventIds.contains(item.get("eventId").asText())) {
                found.put(item.get("eventId").asText(), item.get("status").asText());
            }
        });
        return found;
    }

    private static Set<String> storedEventIds(Path dataDir) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("hub")
                + ";MODE=PostgreSQL", "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT event_id FROM webhook_events WHERE provider = 'stripe'")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private int port(Process hub) {
        return ports.get(hub);
    }

    private Process start(Path dataDir, String name) throws IOException {
        int port = HubIntegrationBase.freePort();
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx512m", "-jar", packagedJar().toString())
                .directory(dataDir.toFile()).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve(name + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("HUB_DATA_DIR", dataDir.toString());
        env.put("HUB_BROKER_EMBEDDED_PORT", Integer.toString(HubIntegrationBase.freePort()));
        env.put("HUB_STRIPE_WEBHOOK_SECRETS", HubIntegrationBase.STRIPE_SECRET);
        env.put("HUB_ADMIN_PASSWORD", HubIntegrationBase.ADMIN_PASSWORD);
        env.put("HUB_API_TOKENS", HubIntegrationBase.API_TOKEN);
        env.put("HUB_WEBHOOK_RELAY_AFTER", "5s");
        env.put("HUB_WEBHOOK_RELAY_PERIOD", "1000");
        env.put("LOGGING_LEVEL_ROOT", "WARN");
        String url = System.getProperty("hub.it.kill9.datasource-url");
        if (url != null && !url.isBlank()) {
            env.put("SPRING_DATASOURCE_URL", url.replace("{dir}", dataDir.toString()));
        }
        env.remove("SPRING_PROFILES_ACTIVE");
        Process hub = builder.start();
        ports.put(hub, port);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(hub.isAlive()).as("hub exited; see " + dataDir.resolve(name + ".log")).isTrue();
            return healthy(port);
        });
        return hub;
    }

    private static boolean healthy(int port) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path packagedJar() throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "finance-integration-hub-*.jar")) {
            for (Path jar : jars) {
                return jar.toAbsolutePath();
            }
        }
        throw new IllegalStateException("no packaged jar in target/: the integration-test phase runs after package");
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
