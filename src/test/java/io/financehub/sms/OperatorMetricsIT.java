package io.financehub.sms;

import com.fasterxml.jackson.databind.JsonNode;
import io.financehub.platform.broker.ArtemisQueueStatistics;
import io.financehub.platform.broker.QueueNames;
import io.financehub.support.BrokerOutage;
import io.financehub.support.HubClient;
import io.financehub.support.PrometheusScrape;
import io.financehub.support.WebhookSigner;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.Queue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The meters that answer an operator's questions, scraped from {@code /actuator/prometheus} with the metrics account
 * while real states build up: invoices whose side effects succeed, an SMS Twilio refuses (a dead letter), one whose
 * outcome is unknown (Twilio answered 500: the live Twilio of the base class, on WireMock), an unmatched webhook, a
 * ledger entry gone missing, a broker outage filling the outboxes, and messages waiting on a queue. Each gauge must
 * equal what the tables or the broker hold. Samples every 250 ms here, so the waits stay short.
 */
@Import(BrokerOutage.class)
@TestPropertySource(properties = {"hub.metrics.sample-period=250ms", "hub.metrics.reconciliation-period=2s"})
class OperatorMetricsIT extends LiveTwilioIntegrationBase {

    private static final List<String> CHANNELS = List.of("payments", "accounting", "sms", "flows");
    private static final List<String> STATUSES = List.of("pending", "in_progress", "retrying", "succeeded", "failed",
            "unknown", "skipped");

    @Autowired
    ConnectionFactory connections;

    @Test
    void sideEffectsDeadLettersUnknownSmsAndVendorCallsAreWhatTheTablesHold() {
        PrometheusScrape before = scrape();
        String delivered = "+15550000401";
        String refused = "+15550000402";
        TWILIO.stubFor(send(delivered).willReturn(created("SM201")));
        TWILIO.stubFor(send(refused).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":21211,\"message\":\"The 'To' number is not a valid phone number.\","
                        + "\"status\":400}")));
        List<String> invoices = List.of(invoiceId(), invoiceId(), invoiceId());

        issue(invoices.get(0), delivered);
        issue(invoices.get(1), refused);
        awaitSideEffect(invoices.get(0) + ":sms-invoice-issued", "succeeded");
        awaitSideEffect(invoices.get(1) + ":sms-invoice-issued", "failed");
        unknownSms(invoices.get(2), "+15550000403");
        awaitSettled(invoices);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            PrometheusScrape now = scrape();
            for (String channel : CHANNELS) {
                for (String status : STATUSES) {
                    assertThat(now.value("hub_side_effects", "channel", channel, "status", status))
                            .as(channel + " " + status).isEqualTo(count("SELECT COUNT(*) FROM idempotency_keys "
                                    + "WHERE channel = ? AND status = ?", channel, status));
                }
            }
            assertThat(now.value("hub_dead_letters_open")).isGreaterThanOrEqualTo(1)
                    .isEqualTo(count("SELECT COUNT(*) FROM dead_letters WHERE status IN ('open', 'retrying')"));
            assertThat(now.value("hub_sms_unknown")).isGreaterThanOrEqualTo(1)
                    .isEqualTo(count("SELECT COUNT(*) FROM sms_messages WHERE status = 'unknown'"));
            assertThat(now.value("hub_side_effects_oldest_age_seconds", "channel", "sms", "status", "unknown"))
                    .isGreaterThan(0);
        });

        PrometheusScrape after = scrape();
        assertThat(increase(before, after, "twilio", "sms-invoice-issued", "success")).isGreaterThanOrEqualTo(1);
        assertThat(increase(before, after, "twilio", "sms-invoice-issued", "error"))
                .as("the refusal and the 500").isGreaterThanOrEqualTo(2);
        assertThat(increase(before, after, "sandbox-stripe", "create-payment-intent", "success"))
                .isGreaterThanOrEqualTo(3);
        assertThat(increase(before, after, "sandbox-ledger", "post-invoice", "success")).isGreaterThanOrEqualTo(3);
        assertThat(after.value("hub_vendor_calls_seconds_bucket", "vendor", "twilio", "operation",
                "sms-invoice-issued", "outcome", "error", "le", "+Inf")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void webhookEventsAreCountedByProviderAndStatus() {
        String eventId = "evt_metrics_" + UUID.randomUUID().toString().substring(0, 8);
        byte[] body = WebhookSigner.stripeEvent(eventId, "payment_intent.succeeded",
                WebhookSigner.paymentIntent("pi_nowhere", "INV-NOWHERE-" + eventId, 900));

        assertThat(postStripe(body).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(count("SELECT COUNT(*) FROM webhook_events WHERE event_id = ? AND status = 'unmatched'",
                    eventId)).isEqualTo(1);
            PrometheusScrape now = scrape();
            for (String provider : List.of("stripe", "twilio")) {
                for (String status : List.of("received", "processed", "ignored", "unmatched", "failed")) {
                    assertThat(now.value("hub_webhook_events", "provider", provider, "status", status))
                            .as(provider + " " + status).isEqualTo(count("SELECT COUNT(*) FROM webhook_events "
                                    + "WHERE provider = ? AND status = ?", provider, status));
                }
            }
            assertThat(now.value("hub_webhook_events", "provider", "stripe", "status", "unmatched"))
                    .isGreaterThanOrEqualTo(1);
        });
    }

    @Test
    void reconciliationDifferencesAreThoseOfTheLastRunAdminOrScheduled() throws Exception {
        String invoiceId = invoiceId();
        String key = invoiceId + ":post-invoice";
        issue(invoiceId, null);
        awaitSideEffect(key, "succeeded");
        // the ledger lost the entry the hub recorded as posted
        assertThat(jdbc.update("DELETE FROM sandbox_ledger_transactions WHERE idempotency_key = ?", key))
                .isEqualTo(1);

        HttpResponse<String> response = hub().getAdmin("/admin/reconciliation");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = JSON.readTree(response.body());
        int problems = List.of("missing", "duplicated", "amountMismatch", "unknownOutcome", "unexpected").stream()
                .mapToInt(kind -> report.path(kind).size()).sum();
        assertThat(response.body()).contains(key);
        assertThat(problems).isGreaterThanOrEqualTo(1);
        double ran = Instant.parse(report.path("generatedAt").asText()).toEpochMilli() / 1000.0;
        PrometheusScrape now = scrape();
        assertThat(now.value("hub_reconciliation_differences")).isEqualTo(problems);
        assertThat(now.value("hub_reconciliation_last_run_timestamp_seconds")).isGreaterThanOrEqualTo(ran);

        // the scheduled run (every 2 s here) finds the same
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            PrometheusScrape later = scrape();
            assertThat(later.value("hub_reconciliation_last_run_timestamp_seconds")).isGreaterThan(ran);
            assertThat(later.value("hub_reconciliation_differences")).isEqualTo(problems);
        });
    }

    @Test
    void theOutboxesBacklogGrowsWhileTheBrokerIsDownAndDrainsAfter() {
        String invoiceId = invoiceId();
        String eventId = "evt_outage_" + UUID.randomUUID().toString().substring(0, 8);
        BrokerOutage.begin();
        try {
            issue(invoiceId, null);
            assertThat(postStripe(WebhookSigner.stripeEvent(eventId, "customer.created", "{\"id\":\"cus_1\"}"))
                    .statusCode()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                PrometheusScrape now = scrape();
                assertThat(now.value("hub_outbox_backlog", "kind", "side_effects")).as("payment and ledger post")
                        .isGreaterThanOrEqualTo(2).isEqualTo(count("SELECT COUNT(*) FROM idempotency_keys WHERE "
                                + "status IN ('pending', 'retrying') AND (dispatched_at IS NULL OR dispatched_at <= "
                                + "CURRENT_TIMESTAMP)"));
                assertThat(now.value("hub_outbox_backlog", "kind", "webhooks")).isGreaterThanOrEqualTo(1)
                        .isEqualTo(count("SELECT COUNT(*) FROM webhook_events WHERE status = 'received'"));
                assertThat(now.value("hub_outbox_backlog", "kind", "domain_events")).isGreaterThanOrEqualTo(1)
                        .isEqualTo(count("SELECT COUNT(*) FROM domain_events WHERE published_at IS NULL"));
            });
        } finally {
            BrokerOutage.end();
        }

        // a domain event the publisher claimed during the outage is taken again only once its claim lease (30 s,
        // hub.events.claim-lease) has run out, so the backlog drains about half a minute after the broker returns
        await().atMost(Duration.ofSeconds(75)).untilAsserted(() -> {
            PrometheusScrape now = scrape();
            for (String kind : List.of("side_effects", "webhooks", "domain_events")) {
                assertThat(now.value("hub_outbox_backlog", "kind", kind)).as(kind).isZero();
            }
        });
        assertThat(sideEffectStatus(invoiceId + ":create-payment-intent")).isEqualTo("succeeded");
    }

    @Test
    void queueDepthAndConsumersAreTheEmbeddedBrokersOwn() throws Exception {
        // nobody consumes the rejected commands but the invoicing application, so they wait there
        try (Connection connection = connections.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(
                    QueueNames.INVOICE_COMMANDS_REJECTED));
            producer.send(session.createTextMessage("{\"rejected\":1}"));
            producer.send(session.createTextMessage("{\"rejected\":2}"));
        }
        Queue rejected = broker.getActiveMQServer().locateQueue(SimpleString.of(QueueNames.INVOICE_COMMANDS_REJECTED));
        Queue payments = broker.getActiveMQServer().locateQueue(SimpleString.of(QueueNames.sideEffects("payments")));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            PrometheusScrape now = scrape();
            assertThat(now.value("hub_broker_queue_messages", "queue", QueueNames.INVOICE_COMMANDS_REJECTED))
                    .isGreaterThanOrEqualTo(2).isEqualTo(rejected.getMessageCount());
            assertThat(now.value("hub_broker_queue_consumers", "queue", QueueNames.sideEffects("payments")))
                    .as("the hub's own payment workers").isGreaterThanOrEqualTo(1)
                    .isEqualTo(payments.getConsumerCount());
            assertThat(now.value("hub_broker_queue_consumers", "queue", QueueNames.INVOICE_COMMANDS_REJECTED))
                    .isZero();
        });
        PrometheusScrape now = scrape();
        for (String queue : QueueNames.all()) {
            assertThat(now.series("hub_broker_queue_messages")).contains(Map.of("queue", queue));
            assertThat(now.series("hub_broker_queue_consumers")).contains(Map.of("queue", queue));
        }
        assertThat(now.series("hub_broker_queue_messages")).as("a topic is no queue")
                .doesNotContain(Map.of("queue", QueueNames.EVENTS));
    }

    @Test
    void aQueueTheBrokerDoesNotKnowIsAnErrorNotAZero() {
        ArtemisQueueStatistics statistics = new ArtemisQueueStatistics(connections, Duration.ofSeconds(5));

        assertThat(statistics.read(List.of(QueueNames.sideEffects("sms"))).get(QueueNames.sideEffects("sms"))
                .consumers()).isGreaterThanOrEqualTo(1);
        assertThatThrownBy(() -> statistics.read(List.of("hub.no-such-queue")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the broker refused messageCount of hub.no-such-queue");
    }

    private void issue(String invoiceId, String phone) {
        assertThat(hub().postInvoice(HubClient.invoiceJson(invoiceId, "USD", 12500, phone)).statusCode())
                .isEqualTo(202);
    }

    private HttpResponse<String> postStripe(byte[] body) {
        return hub().post("/webhooks/stripe", body, Map.of("Content-Type", "application/json",
                "Stripe-Signature", WebhookSigner.stripe(body, STRIPE_SECRET)));
    }

    /** Every side effect of these invoices has settled: no worker will change their counts any more. */
    private void awaitSettled(List<String> invoiceIds) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String id : invoiceIds) {
                assertThat(jdbc.queryForList("SELECT status FROM idempotency_keys WHERE invoice_id = ?", String.class,
                        id)).hasSize(3).allMatch(s -> List.of("succeeded", "failed", "unknown").contains(s));
            }
        });
    }

    private PrometheusScrape scrape() {
        return PrometheusScrape.of(hub());
    }

    private double count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private static double increase(PrometheusScrape before, PrometheusScrape after, String vendor, String operation,
                                   String outcome) {
        String[] labels = {"operation", operation, "outcome", outcome, "vendor", vendor};
        return after.value("hub_vendor_calls_seconds_count", labels)
                - before.valueOrZero("hub_vendor_calls_seconds_count", labels);
    }
}
