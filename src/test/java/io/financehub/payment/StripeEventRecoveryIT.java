package io.financehub.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.financehub.payment.adapter.MeteredStripeRecovery;
import io.financehub.platform.persistence.SqlTime;
import io.financehub.support.HubClient;
import io.financehub.support.LiveStripeIntegrationBase;
import io.financehub.support.WebhookSigner;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Recovery of Stripe events whose webhook never arrived, against a WireMock {@code GET /v1/events}: two pages
 * (the second asked with {@code starting_after}), an event the hub already has skipped, the missed ones ingested,
 * processed (their invoices PAID) and marked recovered; a Stripe outage on the second page stores nothing and keeps
 * the cursor, and the next (scheduled) run recovers everything.
 */
class StripeEventRecoveryIT extends LiveStripeIntegrationBase {

    static final String EVENTS = "/v1/events";
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    MeteredStripeRecovery scheduled;
    @Autowired
    MeterRegistry meters;

    final List<StubMapping> stubs = new ArrayList<>();

    @AfterEach
    void removeStubs() {
        stubs.forEach(STRIPE::removeStub);
    }

    @Test
    void twoPagesOfEventsRecoverTheMissedOnesAndSkipTheKnownOne() throws Exception {
        String paidOnPageOne = issueInvoice(4100);
        String paidOnPageTwo = issueInvoice(4200);
        String missedOne = eventId();
        String missedTwo = eventId();
        String known = eventId();
        String knownEvent = new String(WebhookSigner.stripeEvent(known, "customer.created",
                "{\"id\":\"cus_" + known + "\",\"object\":\"customer\"}"), StandardCharsets.UTF_8);
        deliver(knownEvent);
        await().atMost(Duration.ofSeconds(20)).until(() -> "ignored".equals(eventColumn(known, "status")));
        long since = Instant.now().minusSeconds(120).getEpochSecond();
        stub(firstPage(since).willReturn(page(true, succeeded(missedOne, paidOnPageOne, 4100), knownEvent)));
        stub(nextPage(since, known).willReturn(page(false, succeeded(missedTwo, paidOnPageTwo, 4200))));

        JsonNode report = recover("?since=" + since, 200);

        assertThat(report.path("pages").asInt()).isEqualTo(2);
        assertThat(report.path("listed").asInt()).isEqualTo(3);
        assertThat(report.path("alreadyKnown").asInt()).isEqualTo(1);
        assertThat(report.path("recovered").asInt()).isEqualTo(2);
        assertThat(report.path("from").asText()).isEqualTo(Instant.ofEpochSecond(since).toString());
        // the second page continued after the first page's last event, in the same window
        STRIPE.verify(1, getRequestedFor(urlPathEqualTo(EVENTS)).withQueryParam("created[gte]", equalTo("" + since))
                .withQueryParam("starting_after", equalTo(known)).withQueryParam("limit", equalTo("100")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(invoiceStatus(paidOnPageOne)).isEqualTo("PAID");
            assertThat(invoiceStatus(paidOnPageTwo)).isEqualTo("PAID");
        });
        assertThat(eventColumn(missedOne, "source")).isEqualTo("recovered");
        assertThat(eventColumn(missedTwo, "source")).isEqualTo("recovered");
        assertThat(eventColumn(missedOne, "status")).isEqualTo("processed");
        assertThat(eventColumn(known, "source")).isEqualTo("webhook");
        // skipped, not counted as one more delivery of the known event
        assertThat(eventColumn(known, "duplicates")).isEqualTo("0");
        assertThat(hub().getAdmin("/admin/webhook-events?provider=stripe&limit=200").body())
                .contains("\"eventId\":\"" + missedOne + "\"").contains("\"source\":\"recovered\"");
        JsonNode timeline = JSON.readTree(hub().getApi("/api/invoices/" + paidOnPageOne).body());
        assertThat(timeline.findValues("source").stream().map(JsonNode::asText)).contains("recovered");

        JsonNode again = recover("?since=" + since, 200);

        assertThat(again.path("recovered").asInt()).isZero();
        assertThat(again.path("alreadyKnown").asInt()).isEqualTo(3);
    }

    @Test
    void aStripeOutageStoresNothingAndKeepsTheCursorAndTheNextRunRecovers() throws Exception {
        // a complete run sets the cursor
        StubMapping empty = STRIPE.stubFor(get(urlPathEqualTo(EVENTS)).atPriority(9)
                .willReturn(json("{\"object\":\"list\",\"url\":\"/v1/events\",\"has_more\":false,\"data\":[]}")));
        stubs.add(empty);
        assertThat(recover("", 200).path("cursorMoved").asBoolean()).isTrue();
        Instant cursor = cursor();
        String invoiceId = issueInvoice(4300);
        String missed = eventId();
        String other = eventId();
        double failedBefore = runs("failed");
        stub(get(urlPathEqualTo(EVENTS)).withQueryParam("starting_after", absent()).atPriority(1)
                .willReturn(page(true, succeeded(missed, invoiceId, 4300))));
        StubMapping outage = stub(get(urlPathEqualTo(EVENTS)).withQueryParam("starting_after", equalTo(missed))
                .atPriority(1).willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"boom\"}}")));

        HttpResponse<String> failed = hub().postAdmin("/admin/recovery/stripe");

        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.body()).contains("vendor_unavailable").contains("HTTP 500");
        assertThat(eventColumn(missed, "status")).isNull();
        assertThat(cursor()).isEqualTo(cursor);
        assertThat(invoiceStatus(invoiceId)).isNotEqualTo("PAID");
        assertThat(runs("failed")).isEqualTo(failedBefore + 1);

        STRIPE.removeStub(outage);
        stub(get(urlPathEqualTo(EVENTS)).withQueryParam("starting_after", equalTo(missed)).atPriority(1)
                .willReturn(page(false, succeeded(other, null, 1))));
        double recoveredBefore = meters.get("hub.recovery.recovered").tag("vendor", "stripe").counter().count();

        scheduled.runScheduled();

        await().atMost(Duration.ofSeconds(30)).until(() -> "PAID".equals(invoiceStatus(invoiceId)));
        assertThat(eventColumn(missed, "source")).isEqualTo("recovered");
        assertThat(cursor()).isAfter(cursor);
        assertThat(meters.get("hub.recovery.recovered").tag("vendor", "stripe").counter().count())
                .isEqualTo(recoveredBefore + 2);
        // the scheduled run started from the cursor minus the margin (10 minutes by default)
        STRIPE.verify(getRequestedFor(urlPathEqualTo(EVENTS)).withQueryParam("created[gte]",
                equalTo("" + cursor.minus(Duration.ofMinutes(10)).getEpochSecond())));
    }

    @Test
    void aSinceThatIsNotAnInstantIsABadRequest() throws Exception {
        HttpResponse<String> answer = hub().postAdmin("/admin/recovery/stripe?since=yesterday");

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("validation_failed");
        assertThat(hub().request("POST", "/admin/recovery/stripe", null, Map.of("Authorization",
                HubClient.basic(VIEWER_USER, VIEWER_PASSWORD))).statusCode()).isEqualTo(403);
    }

    JsonNode recover(String query, int status) throws Exception {
        HttpResponse<String> answer = hub().postAdmin("/admin/recovery/stripe" + query);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        return JSON.readTree(answer.body());
    }

    StubMapping stub(MappingBuilder mapping) {
        StubMapping stub = STRIPE.stubFor(mapping);
        stubs.add(stub);
        return stub;
    }

    static MappingBuilder firstPage(long since) {
        return get(urlPathEqualTo(EVENTS)).withQueryParam("created[gte]", equalTo("" + since))
                .withQueryParam("starting_after", absent());
    }

    static MappingBuilder nextPage(long since, String after) {
        return get(urlPathEqualTo(EVENTS)).withQueryParam("created[gte]", equalTo("" + since))
                .withQueryParam("starting_after", equalTo(after));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder page(boolean hasMore, String... events) {
        return json("{\"object\":\"list\",\"url\":\"/v1/events\",\"has_more\":" + hasMore + ",\"data\":["
                + String.join(",", events) + "]}");
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_events").withBody(body);
    }

    String succeeded(String eventId, String invoiceId, long amount) {
        String intent = invoiceId == null ? "pi_" + eventId : paymentIntentOf(invoiceId);
        return new String(WebhookSigner.stripeEvent(eventId, "payment_intent.succeeded",
                WebhookSigner.paymentIntent(intent, invoiceId, amount)), StandardCharsets.UTF_8);
    }

    void deliver(String event) {
        byte[] body = event.getBytes(StandardCharsets.UTF_8);
        assertThat(hub().post("/webhooks/stripe", body, Map.of("Content-Type", "application/json",
                "Stripe-Signature", WebhookSigner.stripe(body, STRIPE_SECRET))).statusCode()).isEqualTo(200);
    }

    String issueInvoice(long amount) {
        String invoiceId = "INV-REC-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(hub().postInvoice(HubClient.invoiceJson(invoiceId, "USD", amount, null)).statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> paymentIntentOf(invoiceId) != null);
        return invoiceId;
    }

    String paymentIntentOf(String invoiceId) {
        return jdbc.queryForList("SELECT payment_intent_id FROM invoices WHERE invoice_id = ?", String.class,
                invoiceId).stream().filter(Objects::nonNull).findFirst().orElse(null);
    }

    String invoiceStatus(String invoiceId) {
        return jdbc.queryForObject("SELECT status FROM invoices WHERE invoice_id = ?", String.class, invoiceId);
    }

    String eventColumn(String eventId, String column) {
        return jdbc.queryForList("SELECT " + column + " FROM webhook_events WHERE provider = 'stripe' "
                + "AND event_id = ?", Object.class, eventId).stream().filter(Objects::nonNull).findFirst().map(String::valueOf)
                .orElse(null);
    }

    Instant cursor() {
        return jdbc.query("SELECT covered_until FROM vendor_recovery_cursors WHERE cursor_name = 'stripe-events'",
                (rs, i) -> SqlTime.read(rs, "covered_until")).stream().findFirst().orElse(null);
    }

    double runs(String outcome) {
        return meters.get("hub.recovery.runs").tag("vendor", "stripe").tag("outcome", outcome).counter().count();
    }

    static String eventId() {
        return "evt_rec_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
