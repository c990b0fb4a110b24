package io.financehub.invoice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.support.HubClient;
import io.financehub.support.JmsTestClient;
import io.financehub.support.LiveStripeIntegrationBase;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 4's acceptance: 200 concurrent submissions of 50 invoices, half over HTTP and half over JMS (a real JMS
 * client on the broker's TCP acceptor), all released at once, give exactly 50 PaymentIntent creations at the
 * Stripe stub — each idempotency key sent once, which is the hub's own claim at work, since Stripe would dedupe
 * repeated keys anyway — and 50 timelines.
 */
class ConcurrentInvoiceReplayIT extends LiveStripeIntegrationBase {

    private static final int INVOICES = 50;
    private static final int REPLAYS_PER_INVOICE = 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void twoHundredConcurrentReplaysOverHttpAndJmsCreateFiftyPaymentIntents() throws Exception {
        String prefix = "INV-CC-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < INVOICES; i++) {
            ids.add(prefix + i);
        }
        List<HttpResponse<String>> httpAnswers = Collections.synchronizedList(new ArrayList<>());

        try (JmsTestClient client = jms()) {
            List<Callable<Void>> submissions = new ArrayList<>();
            for (String id : ids) {
                String body = HubClient.invoiceJson(id, "USD", 1000 + id.hashCode() % 500 + 500, "+15551234567");
                for (int r = 0; r < REPLAYS_PER_INVOICE; r++) {
                    if (r % 2 == 0) {
                        submissions.add(() -> {
                            httpAnswers.add(hub().postInvoice(body));
                            return null;
                        });
                    } else {
                        submissions.add(() -> {
                            client.send("hub.invoice.commands", body, Map.of("command", "IssueInvoice"));
                            return null;
                        });
                    }
                }
            }
            Collections.shuffle(submissions, new Random(4));
            runAllAtOnce(submissions);
        }

        // every HTTP submission answered 202; per invoice at most one of them was the first (not replayed)
        assertThat(httpAnswers).hasSize(INVOICES * REPLAYS_PER_INVOICE / 2)
                .allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(202));
        // every command was processed once: one accepted and three replays per invoice, none lost
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT COUNT(*) FROM inbound_commands WHERE invoice_id LIKE ?", Integer.class, prefix + "%"))
                .isEqualTo(INVOICES * REPLAYS_PER_INVOICE));
        assertThat(jdbc.query("SELECT outcome, COUNT(*) FROM inbound_commands WHERE invoice_id LIKE ? GROUP BY outcome",
                (rs, i) -> rs.getString(1) + "=" + rs.getLong(2), prefix + "%")).containsExactlyInAnyOrder(
                "accepted=" + INVOICES, "replayed=" + INVOICES * (REPLAYS_PER_INVOICE - 1));
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT invoice_id) FROM inbound_commands WHERE invoice_id LIKE ? "
                + "AND outcome = 'accepted'", Integer.class, prefix + "%")).isEqualTo(INVOICES);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT COUNT(*) FROM idempotency_keys WHERE invoice_id LIKE ? AND action = 'create-payment-intent' "
                        + "AND status = 'succeeded'", Integer.class, prefix + "%")).isEqualTo(INVOICES));

        // at the stub: 50 creations in all, and each key was sent exactly once
        assertThat(STRIPE.findAll(postRequestedFor(urlEqualTo(PAYMENT_INTENTS))
                .withFormParam("metadata[invoice_id]", matching(java.util.regex.Pattern.quote(prefix) + ".*"))))
                .as(() -> "repeated attempts: " + jdbc.queryForList("SELECT idempotency_key, attempt, status, "
                        + "response, started_at, finished_at FROM payment_attempts WHERE invoice_id LIKE ? AND "
                        + "idempotency_key IN (SELECT idempotency_key FROM payment_attempts WHERE attempt > 1) "
                        + "ORDER BY idempotency_key, attempt", prefix + "%"))
                .hasSize(INVOICES);
        for (String id : ids) {
            assertThat(stripeRequests(paymentKey(id))).as("requests under " + paymentKey(id)).hasSize(1);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_attempts WHERE invoice_id LIKE ?", Integer.class,
                prefix + "%")).isEqualTo(INVOICES);

        // 50 timelines, each with its one payment entry succeeded
        for (String id : ids) {
            HttpResponse<String> timeline = hub().getApi("/api/invoices/" + id);
            assertThat(timeline.statusCode()).isEqualTo(200);
            JsonNode payments = JSON.readTree(timeline.body()).get("payments");
            assertThat(payments).hasSize(1);
            assertThat(payments.get(0).get("idempotencyKey").asText()).isEqualTo(paymentKey(id));
            assertThat(payments.get(0).get("status").asText()).isEqualTo("succeeded");
            assertThat(payments.get(0).get("reference").asText()).startsWith("pi_");
        }
    }

    /** Starts every submission on its own thread and releases them together. */
    private static void runAllAtOnce(List<Callable<Void>> submissions) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(submissions.size());
        try {
            CountDownLatch ready = new CountDownLatch(submissions.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Void>> futures = new ArrayList<>();
            for (Callable<Void> submission : submissions) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return submission.call();
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            for (Future<Void> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
