package io.financehub.webhook;

import io.financehub.support.WebhookSigner;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Stripe webhooks over real HTTP: signatures (made here, not by the hub's code), dedup, processing by type. */
class StripeWebhookIT extends WebhookIntegrationBase {

    @Autowired
    JdbcMessageIdRepository webhookMessageIds;

    @Test
    void aSignedPaymentIsAcknowledgedStoredVerbatimAndAppliedToItsInvoice() throws Exception {
        String invoiceId = issueInvoice(12500, null);
        String eventId = unique("evt_pay_");
        byte[] body = WebhookSigner.stripeEvent(eventId, "payment_intent.succeeded",
                WebhookSigner.paymentIntent(paymentIntentOf(invoiceId), invoiceId, 12500));

        HttpResponse<String> response = postSignedStripe(body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{\"status\":\"accepted\",\"eventId\":\"" + eventId + "\"}");
        Map<String, Object> row = eventRow("stripe", eventId);
        assertThat(row.get("payload")).isEqualTo(new String(body, StandardCharsets.UTF_8));
        assertThat(row.get("payload_hash")).isEqualTo(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
        assertThat(row.get("type")).isEqualTo("payment_intent.succeeded");
        assertThat(row.get("received_at")).isNotNull();
        awaitEventStatus("stripe", eventId, "processed");
        assertThat(invoiceStatus(invoiceId)).isEqualTo("PAID");
        assertThat(eventRow("stripe", eventId).get("processed_at")).isNotNull();
        assertThat(eventRow("stripe", eventId).get("invoice_id")).isEqualTo(invoiceId);
        assertThat(count("SELECT COUNT(*) FROM idempotency_keys WHERE idempotency_key = ?", invoiceId + ":post-payment"))
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(count(
                "SELECT COUNT(*) FROM route_exchanges WHERE route_id = 'stripe-webhook-processor' "
                        + "AND correlation_key = ?", "stripe:" + eventId)).isEqualTo(1));
        assertThat(hub().getApi("/api/invoices/" + invoiceId).body()).contains("\"status\":\"PAID\"", eventId);
    }

    @Test
    void bothSecretsOfARotationAreAcceptedAndAnyV1MayMatch() {
        byte[] primary = WebhookSigner.stripeEvent(unique("evt_rot_"), "customer.created", "{\"id\":\"cus_1\"}");
        byte[] rotated = WebhookSigner.stripeEvent(unique("evt_rot_"), "customer.created", "{\"id\":\"cus_1\"}");
        byte[] both = WebhookSigner.stripeEvent(unique("evt_rot_"), "customer.created", "{\"id\":\"cus_1\"}");
        long now = System.currentTimeMillis() / 1000;

        assertThat(postStripe(primary, WebhookSigner.stripe(primary, STRIPE_SECRET)).statusCode()).isEqualTo(200);
        assertThat(postStripe(rotated, WebhookSigner.stripe(rotated, STRIPE_SECRET_ROTATED)).statusCode()).isEqualTo(200);
        String twoSignatures = "t=" + now + ",v1=" + WebhookSigner.stripeV1(both, "whsec_retired", now) + ",v1="
                + WebhookSigner.stripeV1(both, STRIPE_SECRET_ROTATED, now);
        assertThat(postStripe(both, twoSignatures).body()).contains("\"status\":\"accepted\"");
    }

    @Test
    void aWrongSecretIsRefusedAndNothingIsStored() {
        String eventId = unique("evt_bad_");
        byte[] body = WebhookSigner.stripeEvent(eventId, "customer.created", "{\"id\":\"cus_1\"}");

        HttpResponse<String> response = postStripe(body, WebhookSigner.stripe(body, "whsec_not_ours"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"error\":\"invalid_signature\"", "\"message\":");
        assertThat(eventStatus("stripe", eventId)).isNull();
    }

    @Test
    void pastAndFutureTimestampsOutsideTheToleranceAreStale() {
        // offsets from the second each request is signed in, a few seconds past the 300 s tolerance: a busy machine
        // may take a second between signing and checking, which must not carry "just outside" back inside
        for (long offset : new long[]{-305, 305, -86_400, 86_400}) {
            String eventId = unique("evt_stale_");
            byte[] body = WebhookSigner.stripeEvent(eventId, "customer.created", "{\"id\":\"cus_1\"}");
            long timestamp = System.currentTimeMillis() / 1000 + offset;

            HttpResponse<String> response = postStripe(body, WebhookSigner.stripe(body, STRIPE_SECRET, timestamp));

            assertThat(response.statusCode()).as("timestamp now%+d", offset).isEqualTo(400);
            assertThat(response.body()).contains("\"error\":\"stale_timestamp\"");
            assertThat(eventStatus("stripe", eventId)).isNull();
        }
        for (long offset : new long[]{-240, 240}) {
            byte[] body = WebhookSigner.stripeEvent(unique("evt_fresh_"), "customer.created", "{\"id\":\"cus_1\"}");
            long timestamp = System.currentTimeMillis() / 1000 + offset;
            assertThat(postStripe(body, WebhookSigner.stripe(body, STRIPE_SECRET, timestamp)).statusCode())
                    .as("timestamp now%+d", offset).isEqualTo(200);
        }
    }

    @Test
    void fiftyConcurrentDeliveriesOfOneEventAreStoredAndProcessedOnce() throws Exception {
        String invoiceId = issueInvoice(4200, null);
        String eventId = unique("evt_dup_");
        byte[] body = WebhookSigner.stripeEvent(eventId, "payment_intent.succeeded",
                WebhookSigner.paymentIntent(paymentIntentOf(invoiceId), invoiceId, 4200));
        String signature = WebhookSigner.stripe(body, STRIPE_SECRET);

        List<HttpResponse<String>> responses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Callable<HttpResponse<String>>> deliveries = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                deliveries.add(() -> postStripe(body, signature));
            }
            for (Future<HttpResponse<String>> f : pool.invokeAll(deliveries)) {
                responses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertThat(responses).filteredOn(r -> r.body().contains("\"status\":\"accepted\"")).hasSize(1);
        assertThat(responses).filteredOn(r -> r.body().contains("\"status\":\"duplicate\"")).hasSize(49);
        assertThat(count("SELECT COUNT(*) FROM webhook_events WHERE provider = 'stripe' AND event_id = ?", eventId))
                .isEqualTo(1);
        awaitEventStatus("stripe", eventId, "processed");
        assertThat(eventRow("stripe", eventId)).containsEntry("duplicates", 49).containsEntry("attempts", 1);
        assertThat(invoiceStatus(invoiceId)).isEqualTo("PAID");
        assertThat(count("SELECT COUNT(*) FROM idempotency_keys WHERE invoice_id = ? AND action = 'post-payment'",
                invoiceId)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED WHERE messageId = ?", "stripe:" + eventId))
                .isEqualTo(1);
    }

    @Test
    void otherEventTypesAreStoredAndIgnored() {
        String eventId = unique("evt_other_");
        assertThat(postSignedStripe(WebhookSigner.stripeEvent(eventId, "customer.created", "{\"id\":\"cus_1\"}"))
                .statusCode()).isEqualTo(200);
        awaitEventStatus("stripe", eventId, "ignored");
        assertThat(eventRow("stripe", eventId).get("processed_at")).isNotNull();
    }

    @Test
    void anEventForAnUnknownInvoiceIsUnmatchedThenAppliedOnceTheInvoiceIsIssued() {
        String invoiceId = unique("INV-LATE-");
        String eventId = unique("evt_late_");
        assertThat(postSignedStripe(WebhookSigner.stripeEvent(eventId, "payment_intent.succeeded",
                WebhookSigner.paymentIntent("pi_elsewhere", invoiceId, 900))).statusCode()).isEqualTo(200);
        awaitEventStatus("stripe", eventId, "unmatched");
        assertThat(hub().getAdmin("/admin/webhook-events?provider=stripe&status=unmatched&limit=1000").body())
                .contains(eventId);

        assertThat(hub().postInvoice(io.financehub.support.HubClient.invoiceJson(invoiceId, "USD", 900, null))
                .statusCode()).isEqualTo(202);

        awaitEventStatus("stripe", eventId, "processed");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(invoiceStatus(invoiceId)).isEqualTo("PAID"));
        assertThat(eventRow("stripe", eventId).get("invoice_id")).isEqualTo(invoiceId);
    }

    @Test
    void aRefundedChargeWithoutMetadataFindsItsInvoiceThroughThePaymentIntent() {
        String invoiceId = issueInvoice(10000, null);
        String eventId = unique("evt_refund_");

        assertThat(postSignedStripe(WebhookSigner.stripeEvent(eventId, "charge.refunded",
                WebhookSigner.charge(unique("ch_"), paymentIntentOf(invoiceId), null, 10000, 10000))).statusCode())
                .isEqualTo(200);

        awaitEventStatus("stripe", eventId, "processed");
        assertThat(invoiceStatus(invoiceId)).isEqualTo("REFUNDED");
        assertThat(eventRow("stripe", eventId).get("invoice_id")).isEqualTo(invoiceId);
        assertThat(count("SELECT COUNT(*) FROM idempotency_keys WHERE idempotency_key = ?",
                invoiceId + ":post-refund:" + eventId)).isEqualTo(1);
    }

    @Test
    void aHandledEventThatCannotBeAppliedIsMarkedFailedWithItsReason() {
        String invoiceId = issueInvoice(500, null);
        String eventId = unique("evt_noamount_");
        assertThat(postSignedStripe(WebhookSigner.stripeEvent(eventId, "charge.refunded",
                "{\"id\":\"ch_1\",\"object\":\"charge\",\"metadata\":{\"invoice_id\":\"" + invoiceId + "\"}}"))
                .statusCode()).isEqualTo(200);

        awaitEventStatus("stripe", eventId, "failed");
        assertThat((String) eventRow("stripe", eventId).get("last_error")).contains("amount_refunded");
        assertThat(invoiceStatus(invoiceId)).isEqualTo("AWAITING_PAYMENT");
    }

    @Test
    void countersAndTheIngestTimerAreOnPrometheus() {
        double acceptedBefore = metric("hub_webhooks_received_total{outcome=\"accepted\",provider=\"stripe\"}");
        double invalidBefore = metric("hub_webhooks_received_total{outcome=\"invalid_signature\",provider=\"stripe\"}");
        double duplicateBefore = metric("hub_webhooks_received_total{outcome=\"duplicate\",provider=\"stripe\"}");
        double timedBefore = metric("hub_webhooks_ingest_seconds_count{provider=\"stripe\"}");
        byte[] body = WebhookSigner.stripeEvent(unique("evt_metric_"), "customer.created", "{\"id\":\"cus_1\"}");

        postSignedStripe(body);
        postSignedStripe(body);
        postStripe(body, "t=1,v1=00");

        assertThat(metric("hub_webhooks_received_total{outcome=\"accepted\",provider=\"stripe\"}") - acceptedBefore)
                .isEqualTo(1.0);
        assertThat(metric("hub_webhooks_received_total{outcome=\"duplicate\",provider=\"stripe\"}") - duplicateBefore)
                .isEqualTo(1.0);
        assertThat(metric("hub_webhooks_received_total{outcome=\"invalid_signature\",provider=\"stripe\"}")
                - invalidBefore).isEqualTo(1.0);
        assertThat(metric("hub_webhooks_ingest_seconds_count{provider=\"stripe\"}") - timedBefore).isEqualTo(3.0);
        String scrape = hub().getAdmin("/actuator/prometheus").body();
        for (String outcome : List.of("accepted", "duplicate", "invalid_signature", "stale_timestamp", "malformed",
                "too_large")) {
            assertThat(scrape).contains("hub_webhooks_received_total{outcome=\"" + outcome + "\",provider=\"twilio\"}");
        }
        assertThat(scrape).contains("hub_webhooks_ingest_seconds_bucket{provider=\"stripe\",le=");
    }

    @Test
    void theDuplicateFilterCountsAConcurrentInsertOfOneKeyOnce() throws Exception {
        String key = "stripe:" + unique("evt_race_");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Boolean> added = new ArrayList<>();
        try {
            List<Callable<Boolean>> adds = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                adds.add(() -> webhookMessageIds.add(key));
            }
            for (Future<Boolean> f : pool.invokeAll(adds)) {
                added.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(added).containsOnlyOnce(true);
        assertThat(webhookMessageIds.contains(key)).isTrue();
        assertThat(count("SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED WHERE messageId = ?", key)).isEqualTo(1);
    }

    private double metric(String series) {
        String scrape = hub().getAdmin("/actuator/prometheus").body();
        return scrape.lines().filter(l -> l.startsWith(series + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(series.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError("no series " + series));
    }
}
