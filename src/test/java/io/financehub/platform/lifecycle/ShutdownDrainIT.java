package io.financehub.platform.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.financehub.support.HubClient;
import io.financehub.support.HubIntegrationBase;
import io.financehub.support.HubProcess;
import io.financehub.support.TestDatabase;
import io.financehub.support.WebhookSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * SIGTERM to the packaged jar while a Stripe call is in flight (the stub answers after a delay): readiness answers
 * 503 {@code OUT_OF_SERVICE} at once while the hub still serves (a webhook sent then is stored), the call in flight
 * finishes and is recorded, and the process exits well within Kubernetes' grace period. When the call outlasts
 * Camel's shutdown timeout the process still exits on time, and its claim is left with a lease: the next start
 * takes it over once the lease has expired, so nothing stays claimed forever.
 * <p>
 * The hub runs on its embedded default (H2 file, embedded Artemis) in both failsafe executions, so it runs once.
 */
class ShutdownDrainIT {

    static final String STRIPE_KEY = "sk_test_hubShutdown51HxQ2eZvKYlo2C0123456789";
    static final String PAYMENT_INTENTS = "/v1/payment_intents";
    static final Duration DRAIN = Duration.ofSeconds(3);

    private WireMockServer stripe;
    private Path dataDir;
    private final List<HubProcess> started = new ArrayList<>();

    @BeforeEach
    void stubStripe() throws Exception {
        assumeThat(TestDatabase.current()).as("runs its own hub on H2 whatever the execution")
                .isEqualTo(TestDatabase.H2);
        stripe = new WireMockServer(options().dynamicPort());
        stripe.start();
        dataDir = Files.createTempDirectory("hub-sigterm-");
    }

    @AfterEach
    void stop() {
        started.forEach(hub -> hub.process().destroyForcibly());
        if (stripe != null) {
            stripe.stop();
        }
    }

    @Test
    void sigtermTakesReadinessDownWhileServingLetsTheCallInFlightFinishAndExits() throws Exception {
        answerStripeAfter(Duration.ofSeconds(6));
        HubProcess hub = start("drain", Map.of());
        String invoiceId = "INV-SIGTERM-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(new HubClient(hub.baseUrl()).postInvoice(HubClient.invoiceJson(invoiceId, "EUR", 1200, null))
                .statusCode()).isEqualTo(202);
        String key = invoiceId + ":create-payment-intent";
        await().atMost(Duration.ofSeconds(30)).until(() -> !stripe.findAll(postRequestedFor(urlEqualTo(PAYMENT_INTENTS))
                .withHeader("Idempotency-Key", equalTo(key))).isEmpty());

        long sigterm = System.nanoTime();
        hub.process().destroy();

        // readiness goes down first, and the port still answers
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            HttpResponse<String> readiness = hub.get("/actuator/health/readiness");
            assertThat(readiness).isNotNull();
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("OUT_OF_SERVICE");
        });
        long readinessDown = System.nanoTime();
        // what a load balancer still sends during the drain is served, not refused
        String eventId = "evt_sigterm_" + UUID.randomUUID().toString().replace("-", "");
        byte[] body = WebhookSigner.stripeEvent(eventId, "customer.created", "{\"id\":\"cus_1\"}");
        HttpResponse<String> webhook = new HubClient(hub.baseUrl()).post("/webhooks/stripe", body,
                Map.of("Stripe-Signature", WebhookSigner.stripe(body, HubIntegrationBase.STRIPE_SECRET)));
        assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(200);

        assertThat(hub.process().waitFor(40, TimeUnit.SECONDS)).as("exited within Camel's 45 s shutdown bound").isTrue();
        Duration exit = Duration.ofNanos(System.nanoTime() - sigterm);
        System.out.printf("SIGTERM: readiness 503 after %d ms, exit after %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(readinessDown - sigterm), exit.toMillis());
        assertThat(hub.process().exitValue()).as("ended by SIGTERM, see " + hub.log()).isEqualTo(143);
        assertThat(exit).as("the drain is served in full").isGreaterThanOrEqualTo(DRAIN);
        assertThat(Files.readString(hub.log())).doesNotContain("Timeout occurred during graceful shutdown")
                .doesNotContain("Forcing shutdown");

        Map<String, String> keys = keys();
        assertThat(keys.get(key)).as("the Stripe call in flight at SIGTERM completed").isEqualTo("succeeded");
        assertThat(countWhere("SELECT COUNT(*) FROM webhook_events WHERE event_id = '" + eventId + "'")).isOne();
        assertThat(countWhere("SELECT COUNT(*) FROM idempotency_keys WHERE status = 'in_progress' "
                + "AND claimed_at IS NULL")).as("claims without a lease").isZero();
    }

    @Test
    void aCallOutlastingCamelsShutdownTimeoutLeavesAClaimWhoseLeaseExpires() throws Exception {
        answerStripeAfter(Duration.ofSeconds(25));
        // a short shutdown bound, and a lease that outlasts the call as in production (connect + read < lease)
        HubProcess hub = start("interrupted", Map.of("CAMEL_MAIN_SHUTDOWNTIMEOUT", "3",
                "HUB_STRIPE_READ_TIMEOUT", "30s", "HUB_SIDE_EFFECTS_LEASE", "40s"));
        String invoiceId = "INV-SIGTERM-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(new HubClient(hub.baseUrl()).postInvoice(HubClient.invoiceJson(invoiceId, "EUR", 1200, null))
                .statusCode()).isEqualTo(202);
        String key = invoiceId + ":create-payment-intent";
        await().atMost(Duration.ofSeconds(30)).until(() -> !stripe.findAll(postRequestedFor(urlEqualTo(PAYMENT_INTENTS))
                .withHeader("Idempotency-Key", equalTo(key))).isEmpty());

        long sigterm = System.nanoTime();
        hub.process().destroy();
        assertThat(hub.process().waitFor(20, TimeUnit.SECONDS)).as("exited though the call is still running").isTrue();
        System.out.printf("SIGTERM mid-call: exit after %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sigterm));
        assertThat(hub.process().exitValue()).as("see " + hub.log()).isEqualTo(143);
        assertThat(keys().get(key)).as("interrupted mid-call: still claimed").isEqualTo("in_progress");
        assertThat(countWhere("SELECT COUNT(*) FROM idempotency_keys WHERE status = 'in_progress' "
                + "AND claimed_at IS NULL")).as("claims without a lease").isZero();

        // the next start takes the claim over once its lease has expired, and settles it
        stripe.resetAll();
        answerStripeAfter(Duration.ZERO);
        HubProcess next = start("restarted", Map.of("HUB_STRIPE_READ_TIMEOUT", "2s", "HUB_SIDE_EFFECTS_LEASE", "5s",
                "HUB_SIDE_EFFECTS_REDISPATCH_AFTER", "2s", "HUB_SIDE_EFFECTS_RELAY_PERIOD", "500"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(paymentStatus(next, invoiceId)).isNotEqualTo("in_progress"));
        next.process().destroy();
        assertThat(next.process().waitFor(40, TimeUnit.SECONDS)).isTrue();
        assertThat(keys().get(key)).as("taken over after the lease, never claimed forever")
                .isNotEqualTo("in_progress");
    }

    private static String paymentStatus(HubProcess hub, String invoiceId) throws Exception {
        JsonNode payments = new ObjectMapper().readTree(new HubClient(hub.baseUrl())
                .getApi("/api/invoices/" + invoiceId).body()).get("payments");
        assertThat(payments).as("the invoice's payments").hasSize(1);
        return payments.get(0).get("status").asText();
    }

    private void answerStripeAfter(Duration delay) {
        stripe.stubFor(post(urlEqualTo(PAYMENT_INTENTS)).willReturn(aResponse().withStatus(200)
                .withFixedDelay((int) delay.toMillis()).withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_stub").withBody("{\"id\":\"pi_" + UUID.randomUUID().toString()
                        .replace("-", "").substring(0, 24) + "\",\"object\":\"payment_intent\","
                        + "\"status\":\"requires_payment_method\",\"livemode\":false}")));
    }

    private HubProcess start(String name, Map<String, String> extra) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("HUB_STRIPE_MODE", "live",
                "HUB_STRIPE_API_BASE", stripe.baseUrl(), "HUB_STRIPE_API_KEY", STRIPE_KEY,
                "HUB_SHUTDOWN_DRAIN_DELAY", DRAIN.toSeconds() + "s", "LOGGING_LEVEL_ORG_APACHE_CAMEL", "INFO"));
        env.putAll(extra);
        HubProcess hub = HubProcess.start(dataDir, name, env);
        started.add(hub);
        return hub;
    }

    private Map<String, String> keys() throws Exception {
        Map<String, String> keys = new HashMap<>();
        try (Connection c = DriverManager.getConnection(HubProcess.h2Url(dataDir), "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT idempotency_key, status FROM idempotency_keys")) {
            while (rs.next()) {
                keys.put(rs.getString(1), rs.getString(2));
            }
        }
        return keys;
    }

    private long countWhere(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(HubProcess.h2Url(dataDir), "sa", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
