package io.financehub.platform.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.support.HubClient;
import io.financehub.support.HubIntegrationBase;
import io.financehub.support.TcpProxy;
import io.financehub.support.TestDatabase;
import io.financehub.support.WebhookSigner;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database taken away under four steady senders of signed Stripe webhooks, through a TCP proxy in front of it:
 * on PostgreSQL stalled (every connection open, no byte forwarded) for 8 s and then down (connections closed, port
 * refused) for 10 s; on H2 (its TCP server, started here) down for 10 s — H2's client has no network timeout, so a
 * stall is PostgreSQL's part. Every answer comes within 5 s; every refusal is 503 {@code database_unavailable} (or
 * {@code busy}) in the hub's JSON error with {@code Retry-After}; every 200 was stored, every refused delivery is
 * stored when sent again, and the hub recovers without a restart: new deliveries are accepted, readiness is UP again,
 * and every stored event gets processed.
 * <p>
 * Configured as {@link HubIntegrationBase} is (random port, own broker port and data directory, test profile) but
 * not a subclass of it: its database properties would win over these (a base class's dynamic properties are
 * registered last) and the hub would reach PostgreSQL directly, around the proxy.
 */
@SpringBootTest(classes = io.financehub.HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DatabaseOutageIT {

    static final String STRIPE_SECRET = HubIntegrationBase.STRIPE_SECRET;

    static final int SENDERS = 4;
    static final Duration ANSWER_BOUND = Duration.ofSeconds(5);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static TcpProxy proxy;
    static Server h2;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    record Answer(String eventId, int status, long millis, String body, String contentType, String retryAfter,
                  long sentAtMillis) {
    }

    @DynamicPropertySource
    static void databaseThroughTheProxy(DynamicPropertyRegistry registry) throws SQLException, IOException {
        String dataDir = Files.createTempDirectory("hub-it-").toString();
        int brokerPort = HubIntegrationBase.freePort();
        registry.add("hub.data-dir", () -> dataDir);
        registry.add("hub.broker.embedded-port", () -> brokerPort);
        if (TestDatabase.current() == TestDatabase.POSTGRES) {
            String schema = TestDatabase.newSchema();
            proxy = TcpProxy.start("127.0.0.1", 5432);
            registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:" + proxy.port()
                    + "/test?currentSchema=" + schema);
            registry.add("spring.flyway.schemas", () -> schema);
            registry.add("spring.datasource.username", () -> "postgres");
            registry.add("spring.datasource.password", () -> "");
            registry.add("spring.datasource.hikari.maximum-pool-size", () -> 10);
        } else {
            int h2Port = HubIntegrationBase.freePort();
            h2 = Server.createTcpServer("-tcpPort", Integer.toString(h2Port), "-ifNotExists", "-baseDir",
                    Files.createTempDirectory("hub-outage-h2-").toString()).start();
            proxy = TcpProxy.start("127.0.0.1", h2Port);
            registry.add("spring.datasource.url", () -> "jdbc:h2:tcp://127.0.0.1:" + proxy.port()
                    + "/hub;MODE=PostgreSQL;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE");
        }
    }

    @AfterAll
    static void stopProxy() {
        proxy.restore();
    }

    @Test
    void webhooksAreRefusedQuicklyWhileTheDatabaseIsAwayAndNothingIsLost() throws Exception {
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        // steady senders, as a vendor's: each sends its next delivery 100 ms after the previous answer
        ScheduledExecutorService senders = Executors.newScheduledThreadPool(SENDERS);
        for (int i = 0; i < SENDERS; i++) {
            senders.scheduleWithFixedDelay(() -> answers.add(send("evt_outage_"
                    + UUID.randomUUID().toString().replace("-", ""))), 0, 100, TimeUnit.MILLISECONDS);
        }
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> count(answers, 200, 0) >= 20);

            if (TestDatabase.current() == TestDatabase.POSTGRES) {
                long stalled = System.currentTimeMillis();
                proxy.stall();
                awaitPhase(Duration.ofSeconds(8), stalled, answers);
            }
            long down = System.currentTimeMillis();
            proxy.down();
            awaitPhase(Duration.ofSeconds(10), down, answers);
            // readiness includes the database: an orchestrator sees this replica is not ready
            assertThat(status("/actuator/health/readiness")).isEqualTo(503);
            HttpResponse<String> invoice = new HubClient(baseUrl()).postInvoice(HubClient.invoiceJson(
                    "INV-OUTAGE-" + UUID.randomUUID().toString().substring(0, 8), "EUR", 1000, null));
            assertThat(invoice.statusCode()).as(invoice.body()).isEqualTo(503);
            assertThat(invoice.headers().firstValue("Retry-After")).isPresent();
            assertThat(new ObjectMapper().readTree(invoice.body()).get("error").asText())
                    .isEqualTo("database_unavailable");
            // the operator endpoints (Spring MVC, not routes) answer the same way, not 500
            HttpResponse<String> events = new HubClient(baseUrl()).getAdmin("/admin/webhook-events?provider=stripe");
            assertThat(events.statusCode()).as(events.body()).isEqualTo(503);
            assertThat(events.headers().firstValue("Retry-After")).isPresent();
            assertThat(new ObjectMapper().readTree(events.body()).get("error").asText())
                    .isEqualTo("database_unavailable");

            long restored = System.currentTimeMillis();
            proxy.restore();
            // recovers by itself: deliveries are stored again
            await().atMost(Duration.ofSeconds(30)).until(() -> count(answers, 200, restored) >= 20);
        } finally {
            senders.shutdown();
            assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        List<Answer> all = new ArrayList<>(answers);
        report(all);
        assertThat(all).as("answered within %s", ANSWER_BOUND)
                .allSatisfy(a -> assertThat(a.millis()).as(a.toString()).isLessThanOrEqualTo(ANSWER_BOUND.toMillis()));
        List<Answer> refused = all.stream().filter(a -> a.status() != 200).toList();
        assertThat(refused).as("the outage was felt").isNotEmpty();
        ObjectMapper json = new ObjectMapper();
        assertThat(refused).allSatisfy(a -> {
            assertThat(a.status()).as(a.toString()).isEqualTo(503);
            assertThat(a.contentType()).startsWith("application/json");
            assertThat(a.retryAfter()).as(a.toString()).isNotNull();
            JsonNode error = json.readTree(a.body());
            assertThat(error.get("error").asText()).isIn("database_unavailable", "busy");
            assertThat(error.has("message")).isTrue();
        });

        // the vendor retries what was refused: every one is stored now
        for (Answer a : refused) {
            await().atMost(Duration.ofSeconds(20)).until(() -> send(a.eventId()).status() == 200);
        }
        Set<String> stored = new HashSet<>(jdbc.queryForList(
                "SELECT event_id FROM webhook_events WHERE event_id LIKE 'evt_outage_%'", String.class));
        assertThat(all.stream().map(Answer::eventId).filter(id -> !stored.contains(id)).toList())
                .as("acknowledged or re-sent but not stored").isEmpty();
        assertThat(status("/actuator/health/readiness")).isEqualTo(200);
        // the consumers and the relay catch up: every stored event is processed (these types are ignored)
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT COUNT(*) FROM webhook_events WHERE event_id LIKE 'evt_outage_%' AND status = 'received'",
                Long.class)).isZero());
    }

    /** The phase lasts its duration, and until the senders have been refused during it. */
    private static void awaitPhase(Duration length, long since, ConcurrentLinkedQueue<Answer> answers) {
        BooleanSupplier over = () -> System.currentTimeMillis() - since >= length.toMillis();
        await().atMost(length.plusSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> over.getAsBoolean() && count(answers, 503, since) >= SENDERS);
    }

    private static long count(ConcurrentLinkedQueue<Answer> answers, int status, long sentSince) {
        return answers.stream().filter(a -> a.status() == status && a.sentAtMillis() >= sentSince).count();
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    private Answer send(String eventId) {
        byte[] body = WebhookSigner.stripeEvent(eventId, "customer.created", "{\"id\":\"cus_1\"}");
        long sentAt = System.currentTimeMillis();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/webhooks/stripe"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Stripe-Signature", WebhookSigner.stripe(body, STRIPE_SECRET))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(eventId, response.statusCode(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                    response.body(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null), sentAt);
        } catch (IOException e) {
            return new Answer(eventId, -1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), e.toString(),
                    "", null, sentAt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(eventId, -1, 0, "interrupted", "", null, sentAt);
        }
    }

    private int status(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(10)).GET()
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void report(List<Answer> all) {
        long[] ok = all.stream().filter(a -> a.status() == 200).mapToLong(Answer::millis).sorted().toArray();
        long[] refused = all.stream().filter(a -> a.status() != 200).mapToLong(Answer::millis).sorted().toArray();
        System.out.printf("database outage (%s): %d answers; 200: %d (max %d ms); refused: %d (p50 %d ms, max %d ms)%n",
                TestDatabase.current(), all.size(), ok.length, ok.length == 0 ? 0 : ok[ok.length - 1], refused.length,
                refused.length == 0 ? 0 : refused[refused.length / 2],
                refused.length == 0 ? 0 : refused[refused.length - 1]);
    }
}
