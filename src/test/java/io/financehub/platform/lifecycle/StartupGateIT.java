package io.financehub.platform.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.support.HubClient;
import io.financehub.support.HubIntegrationBase;
import io.financehub.support.HubProcess;
import io.financehub.support.TestDatabase;
import io.financehub.support.WebhookSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * A replica that is starting (restarted after a crash, scaled up) has its port open seconds before its routes serve:
 * from the first answer until the application is ready, a webhook, an invoice command and an operator call are
 * answered 503 {@code starting} with {@code Retry-After}, which Stripe, Twilio and a client retry, never a 404 that
 * says the path does not exist. Found by the soak (SoakIT), where the clients post to a restarted replica at once.
 * <p>
 * The packaged jar on its embedded default, so it runs once (in the H2 execution).
 */
class StartupGateIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private HubProcess hub;

    /** What one probe got: the path, the status (-1 when nothing answered), the error code and Retry-After. */
    record Answer(String path, int status, String error, String retryAfter) {
    }

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.process().destroyForcibly();
        }
    }

    @Test
    void aStartingReplicaAnswersStartingUntilItServesNeverNotFound() throws Exception {
        assumeThat(TestDatabase.current()).as("runs its own hub on H2 whatever the execution")
                .isEqualTo(TestDatabase.H2);
        hub = HubProcess.launch(Files.createTempDirectory("hub-startup-"), "startup", Map.of(),
                HubIntegrationBase.freePort());
        List<Answer> beforeReady = new ArrayList<>();
        String eventId = "evt_startup_" + UUID.randomUUID().toString().replace("-", "");
        byte[] event = WebhookSigner.stripeEvent(eventId, "customer.created", "{\"id\":\"cus_1\"}");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (hub.status("/actuator/health") != 200) {
            assertThat(hub.process().isAlive()).as("hub exited; see " + hub.log()).isTrue();
            assertThat(System.nanoTime()).as("healthy within 120 s").isLessThan(deadline);
            beforeReady.add(post("/webhooks/stripe", event, Map.of("Stripe-Signature",
                    WebhookSigner.stripe(event, HubIntegrationBase.STRIPE_SECRET))));
            beforeReady.add(post("/api/invoices", HubClient.invoiceJson("INV-STARTUP-1", "EUR", 1000, null)
                    .getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/json",
                    "Authorization", "Bearer " + HubIntegrationBase.API_TOKEN)));
            beforeReady.add(get("/admin/webhook-events?provider=stripe"));
        }

        List<Answer> answered = beforeReady.stream().filter(a -> a.status() != -1).toList();
        assertThat(answered).as("answers while the replica was starting").isNotEmpty();
        assertThat(answered).allSatisfy(a -> {
            if (a.status() == 503) {
                assertThat(a.error()).as(a.toString()).isEqualTo("starting");
                assertThat(a.retryAfter()).as(a.toString()).isNotNull();
            } else {
                // the gate opened just before health turned UP: served as usual
                assertThat(a.status()).as(a.toString()).isIn(200, 202);
            }
        });
        assertThat(answered).anySatisfy(a -> assertThat(a.status()).isEqualTo(503));

        // the webhook Stripe sends again is stored now (or was, if the gate had opened already)
        Answer again = post("/webhooks/stripe", event, Map.of("Stripe-Signature",
                WebhookSigner.stripe(event, HubIntegrationBase.STRIPE_SECRET)));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
    }

    private Answer post(String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(path, request);
    }

    private Answer get(String path) {
        return send(path, HttpRequest.newBuilder(URI.create(hub.baseUrl() + path))
                .header("Authorization", HubClient.basicAdmin()).GET());
    }

    private static Answer send(String path, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String error = null;
            try {
                error = JSON.readTree(response.body()).path("error").asText(null);
            } catch (IOException e) {
                error = "not JSON: " + response.body();
            }
            return new Answer(path, response.statusCode(), error,
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            return new Answer(path, -1, null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(path, -1, null, null);
        }
    }
}
