package io.financehub.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.support.HubClient;
import io.financehub.support.HubIntegrationBase;
import io.financehub.support.HubProcess;
import io.financehub.support.TestDatabase;
import io.financehub.support.WebhookSigner;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Durable acknowledgement on the embedded default (H2 file + embedded Artemis), proven with a real crash: the
 * packaged jar runs as a child process, acknowledges signed webhooks, and is killed with SIGKILL right after the
 * last 200. After a restart on the same data directory every acknowledged event is there and gets processed; after
 * a second kill the H2 file itself, opened directly, holds every acknowledged row.
 * <p>
 * {@code -Dhub.it.kill9.datasource-url=...} runs the same crash against another datasource URL ({@code {dir}} is
 * replaced by the data directory), e.g. H2 without {@code WRITE_DELAY=0}, to measure what that setting is worth.
 * <p>
 * The hub runs on its embedded default in both failsafe executions, so it runs once (the soak, SoakIT, kills
 * replicas on PostgreSQL).
 */
class WebhookDurabilityIT {

    static final int EVENTS_PER_ROUND = 25;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyAcknowledgedWebhookSurvivesAKillMinusNineOfTheHub() throws Exception {
        assumeThat(TestDatabase.current()).as("runs its own hub on H2 whatever the execution")
                .isEqualTo(TestDatabase.H2);
        Path dataDir = Files.createTempDirectory("hub-kill9-");
        List<String> acknowledged = new ArrayList<>();

        HubProcess first = start(dataDir, "first");
        try {
            acknowledged.addAll(deliverThenKill(first.process(), first.port()));
        } finally {
            first.process().destroyForcibly();
        }

        HubProcess second = start(dataDir, "second");
        try {
            int port = second.port();
            // the restarted hub has every acknowledged event...
            Map<String, String> listed = statuses(port, acknowledged);
            List<String> lostInFirstCrash = acknowledged.stream().filter(id -> !listed.containsKey(id)).toList();
            assertThat(lostInFirstCrash).as("acknowledged but lost after kill -9: %d of %d", lostInFirstCrash.size(),
                    acknowledged.size()).isEmpty();
            // ...and processes them (from the broker's journal, or through the relay)
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                    assertThat(statuses(port, acknowledged)).doesNotContainValue("received"));
            acknowledged.addAll(deliverThenKill(second.process(), port));
        } finally {
            second.process().destroyForcibly();
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
        try (Connection c = DriverManager.getConnection(HubProcess.h2Url(dataDir), "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT event_id FROM webhook_events WHERE provider = 'stripe'")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private HubProcess start(Path dataDir, String name) throws IOException {
        Map<String, String> env = new HashMap<>(Map.of("HUB_WEBHOOK_RELAY_AFTER", "5s",
                "HUB_WEBHOOK_RELAY_PERIOD", "1000"));
        String url = System.getProperty("hub.it.kill9.datasource-url");
        if (url != null && !url.isBlank()) {
            env.put("SPRING_DATASOURCE_URL", url.replace("{dir}", dataDir.toString()));
        }
        return HubProcess.start(dataDir, name, env);
    }
}
