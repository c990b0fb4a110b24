package io.financehub.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.financehub.payment.application.PaymentEventService;
import io.financehub.sms.application.SmsDeliveryService;
import io.financehub.payment.domain.PaymentEvent;
import io.financehub.webhook.domain.WebhookEventStatus;
import io.financehub.support.BrokerQueues;
import io.financehub.support.HubClient;
import io.financehub.support.HubIntegrationBase;
import io.financehub.support.WireMockWarmUp;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests of SMS with HUB_TWILIO_MODE=live and WireMock standing in for Twilio: the request, one SMS per key
 * whatever is replayed, failures judged by whether Twilio may have the message, and the operator's reconciliation.
 * Each test uses a recipient number of its own, so the stub's counts are per test.
 */
@ExtendWith(OutputCaptureExtension.class)
class TwilioSmsLiveIT extends HubIntegrationBase {

    static final String SID = "AC11111111111111111111111111111111";
    static final String FROM = "+15005550006";
    static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";
    static final String STATUS_CALLBACK = PUBLIC_BASE_URL + "/webhooks/twilio/sms-status";
    /** Generous: the machine may be busy, and only the timeout test waits for it. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    static final ObjectMapper JSON = new ObjectMapper();
    /** The SMS side-effect queue: every send the hub makes is one of its messages. */
    static final String SMS_QUEUE = "hub.side-effects.sms";
    static final WireMockServer TWILIO = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        TWILIO.start();
        WireMockWarmUp.warmUp(TWILIO);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PaymentEventService paymentEvents;
    @Autowired
    SmsDeliveryService deliveries;
    @Autowired
    EmbeddedActiveMQ broker;
    @Autowired
    CamelContext camel;

    @DynamicPropertySource
    static void twilio(DynamicPropertyRegistry registry) {
        registry.add("hub.twilio.mode", () -> "live");
        registry.add("hub.twilio.api-base", () -> "http://127.0.0.1:" + TWILIO.port());
        registry.add("hub.twilio.account-sid", () -> SID);
        registry.add("hub.twilio.from", () -> FROM);
        registry.add("hub.twilio.timeout", () -> READ_TIMEOUT.toMillis() + "ms");
    }

    @AfterAll
    static void stopTwilio() {
        TWILIO.stop();
    }

    @Test
    void replayedCommandSendsOneSmsWithTheContractRequest() {
        String to = "+15550000101";
        TWILIO.stubFor(send(to).willReturn(created("SM101")));
        String id = invoiceId();
        String body = HubClient.invoiceJson(id, "USD", 12500, to);

        for (int i = 0; i < 3; i++) {
            assertThat(hub().postInvoice(body).statusCode()).isEqualTo(202);
        }

        awaitSms(id + ":sms-invoice-issued", "queued");
        awaitSmsQueueEmpty();
        assertThat(sent(to)).isEqualTo(1);
        TWILIO.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES))
                .withBasicAuth(new BasicCredentials(SID, TWILIO_TOKEN))
                .withFormParam("To", equalTo(to))
                .withFormParam("From", equalTo(FROM))
                .withFormParam("Body", equalTo("Hi Ada Lovelace, invoice " + id + " for USD 125.00 has been issued."))
                .withFormParam("StatusCallback", equalTo(STATUS_CALLBACK)));
        assertThat(jdbc.queryForMap("SELECT to_number, template, payload, provider_msg_id FROM sms_messages "
                + "WHERE idempotency_key = ?", id + ":sms-invoice-issued"))
                .containsEntry("to_number", to).containsEntry("template", "sms-invoice-issued")
                .containsEntry("provider_msg_id", "SM101")
                .containsEntry("payload", "Hi Ada Lovelace, invoice " + id + " for USD 125.00 has been issued.");
        assertThat(jdbc.queryForObject("SELECT request FROM sms_messages WHERE idempotency_key = ?", String.class,
                id + ":sms-invoice-issued")).contains("+1555***0101").doesNotContain(to).doesNotContain(TWILIO_TOKEN);
    }

    @Test
    void duplicatePaymentEventsSendOneReceipt() {
        String to = "+15550000102";
        TWILIO.stubFor(send(to).withFormParam("Body", containing("issued")).willReturn(created("SM102a")));
        TWILIO.stubFor(send(to).withFormParam("Body", containing("we received")).willReturn(created("SM102b")));
        String id = invoiceId();
        assertThat(hub().postInvoice(HubClient.invoiceJson(id, "JPY", 12500, to)).statusCode()).isEqualTo(202);
        PaymentEvent succeeded = new PaymentEvent("evt_" + id, PaymentEvent.Type.PAYMENT_SUCCEEDED, id, null, 0);

        assertThat(paymentEvents.apply(succeeded)).isEqualTo(WebhookEventStatus.PROCESSED);
        assertThat(paymentEvents.apply(succeeded)).isEqualTo(WebhookEventStatus.PROCESSED);

        awaitSms(id + ":sms-payment-receipt", "queued");
        awaitSmsQueueEmpty();
        assertThat(sent(to)).isEqualTo(2);
        TWILIO.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)).withFormParam("To", equalTo(to))
                .withFormParam("Body", equalTo("Thank you Ada Lovelace: we received JPY 12500 for invoice " + id + ".")));
    }

    @Test
    void serverErrorIsSentOnceAndLeavesTheMessageUnknownForReconciliation() throws Exception {
        String to = "+15550000103";
        TWILIO.stubFor(send(to).willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}")));
        String id = invoiceId();
        String key = id + ":sms-invoice-issued";

        hub().postInvoice(HubClient.invoiceJson(id, "USD", 12500, to));

        awaitSms(key, "unknown");
        assertThat(sideEffectStatus(key)).isEqualTo("unknown");
        assertThat(sent(to)).isEqualTo(1);
        JsonNode unknown = JSON.readTree(hub().getAdmin("/admin/sms-messages?status=unknown&limit=1000").body());
        JsonNode item = find(unknown.path("items"), key);
        assertThat(item).isNotNull();
        assertThat(item.path("to").asText()).isEqualTo("+1555***0103");
        assertThat(item.path("status").asText()).isEqualTo("unknown");
        assertThat(unknown.has("next")).isTrue();
        JsonNode timeline = JSON.readTree(hub().getApi("/api/invoices/" + id).body());
        assertThat(find(timeline.path("smsMessages"), key).path("status").asText()).isEqualTo("unknown");

        // Twilio cannot be asked: that is not "not found", and never leads to a resend
        TWILIO.stubFor(get(urlPathEqualTo(MESSAGES)).withQueryParam("To", equalTo(to))
                .willReturn(aResponse().withStatus(503)));
        assertThat(JSON.readTree(hub().postAdmin("/admin/sms-messages/" + key + "/lookup").body()).path("outcome")
                .asText()).isEqualTo("lookup-failed");
        assertThat(JSON.readTree(hub().postAdmin("/admin/sms-messages/" + key + "/resend").body()).path("outcome")
                .asText()).isEqualTo("lookup-failed");
        awaitSmsQueueEmpty();
        assertThat(sent(to)).isEqualTo(1);
        assertThat(sms(key)).isEqualTo("unknown");
        assertThat(sideEffectStatus(key)).isEqualTo("unknown");
    }

    @Test
    void timeoutAfterTheRequestArrivedLeavesUnknownSendsNothingMoreAndLookupSettlesIt() throws Exception {
        String to = "+15550000104";
        TWILIO.stubFor(send(to).willReturn(created("SM104").withFixedDelay((int) READ_TIMEOUT.toMillis() * 3)));
        String id = invoiceId();
        String key = id + ":sms-invoice-issued";

        hub().postInvoice(HubClient.invoiceJson(id, "USD", 12500, to));

        awaitSms(key, "unknown");
        assertThat(jdbc.queryForObject("SELECT last_error FROM idempotency_keys WHERE idempotency_key = ?",
                String.class, key)).contains("Read timed out");
        await().atMost(Duration.ofSeconds(20)).until(() -> "unknown".equals(sideEffectStatus(key)));
        // lease (5s) and relay wait (3s) long past, by the database clock the relay ages by: relay passes that see
        // it so run, and nothing re-dispatches an unknown SMS, so nothing is sent again
        jdbc.update("UPDATE idempotency_keys SET claimed_at = ?, dispatched_at = ? WHERE idempotency_key = ?",
                OffsetDateTime.now().minusHours(1), OffsetDateTime.now().minusHours(1), key);
        NotifyBuilder relayPasses = new NotifyBuilder(camel).fromRoute("outbox-relay").whenCompleted(2).create();
        assertThat(relayPasses.matches(20, TimeUnit.SECONDS)).as("two outbox relay passes").isTrue();
        awaitSmsQueueEmpty();
        assertThat(sent(to)).isEqualTo(1);
        assertThat(sms(key)).isEqualTo("unknown");

        TWILIO.stubFor(get(urlPathEqualTo(MESSAGES)).withQueryParam("To", equalTo(to)).willReturn(page(
                message("SM104", to, "Hi Ada Lovelace, invoice " + id + " for USD 125.00 has been issued.", "delivered"))));
        HttpResponse<String> lookup = hub().postAdmin("/admin/sms-messages/" + key + "/lookup");

        assertThat(lookup.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(lookup.body()).path("outcome").asText()).isEqualTo("found");
        assertThat(jdbc.queryForMap("SELECT provider_msg_id, status FROM sms_messages WHERE idempotency_key = ?", key))
                .containsEntry("provider_msg_id", "SM104").containsEntry("status", "delivered");
        assertThat(sideEffectStatus(key)).isEqualTo("succeeded");
        assertThat(jdbc.queryForObject("SELECT result_ref FROM idempotency_keys WHERE idempotency_key = ?",
                String.class, key)).isEqualTo("SM104");
        assertThat(jdbc.queryForList("SELECT operator || ' ' || action || ' ' || outcome FROM sms_operator_actions "
                + "WHERE idempotency_key = ?", String.class, key)).containsExactly("admin lookup found");
        assertThat(sent(to)).isEqualTo(1);
    }

    @Test
    void workerThatDiedAfterTheRequestLeftIsLookedUpByTheRelayNotResent() {
        String to = "+15550000105";
        TWILIO.stubFor(send(to).willReturn(aResponse().withStatus(502)));
        String id = invoiceId();
        String key = id + ":sms-invoice-issued";
        hub().postInvoice(HubClient.invoiceJson(id, "USD", 12500, to));
        awaitSms(key, "unknown");
        TWILIO.stubFor(get(urlPathEqualTo(MESSAGES)).withQueryParam("To", equalTo(to)).willReturn(page(
                message("SM105", to, "Hi Ada Lovelace, invoice " + id + " for USD 125.00 has been issued.", "sent"))));

        // the state a crash between the POST and the recording leaves: claimed long ago, still in progress
        jdbc.update("UPDATE idempotency_keys SET status = 'in_progress', claimed_at = ?, completed_at = NULL, "
                + "dispatched_at = NULL WHERE idempotency_key = ?", OffsetDateTime.now().minusHours(1), key);
        jdbc.update("UPDATE sms_messages SET status = 'sending' WHERE idempotency_key = ?", key);

        await().atMost(Duration.ofSeconds(20)).until(() -> "succeeded".equals(sideEffectStatus(key)));
        assertThat(jdbc.queryForObject("SELECT provider_msg_id FROM sms_messages WHERE idempotency_key = ?",
                String.class, key)).isEqualTo("SM105");
        assertThat(sent(to)).isEqualTo(1);
    }

    @Test
    void lookupNotFoundKeepsItUnknownAndADeliberateResendSendsOnceMore() throws Exception {
        String to = "+15550000106";
        TWILIO.stubFor(send(to).inScenario("resend").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("failed-once"));
        TWILIO.stubFor(send(to).inScenario("resend").whenScenarioStateIs("failed-once").willReturn(created("SM106")));
        TWILIO.stubFor(get(urlPathEqualTo(MESSAGES)).withQueryParam("To", equalTo(to)).willReturn(page()));
        String id = invoiceId();
        String key = id + ":sms-invoice-issued";
        hub().postInvoice(HubClient.invoiceJson(id, "USD", 12500, to));
        awaitSms(key, "unknown");

        JsonNode lookup = JSON.readTree(hub().postAdmin("/admin/sms-messages/" + key + "/lookup").body());
        assertThat(lookup.path("outcome").asText()).isEqualTo("not-found");
        assertThat(lookup.path("status").asText()).isEqualTo("unknown");
        assertThat(sms(key)).isEqualTo("unknown");

        JsonNode resend = JSON.readTree(hub().postAdmin("/admin/sms-messages/" + key + "/resend").body());
        assertThat(resend.path("outcome").asText()).isEqualTo("resent");
        awaitSms(key, "queued");
        assertThat(sent(to)).isEqualTo(2);
        assertThat(sideEffectStatus(key)).isEqualTo("succeeded");
        assertThat(jdbc.queryForList("SELECT operator || ' ' || action || ' ' || outcome FROM sms_operator_actions "
                        + "WHERE idempotency_key = ? ORDER BY id", String.class, key))
                .containsExactly("admin lookup not-found", "admin resend not-found", "admin resend resent");

        JsonNode again = JSON.readTree(hub().postAdmin("/admin/sms-messages/" + key + "/resend").body());
        assertThat(again.path("outcome").asText()).isEqualTo("not-resendable");
        awaitSmsQueueEmpty();
        assertThat(sent(to)).isEqualTo(2);
    }

    @Test
    void invalidNumberIsFinalAfterOneRequest(CapturedOutput output) throws Exception {
        String to = "+15550000107";
        TWILIO.stubFor(send(to).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":21211,\"message\":\"The 'To' number " + to + " is not a valid phone number.\","
                        + "\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}")));
        String id = invoiceId();
        String key = id + ":sms-invoice-issued";

        hub().postInvoice(HubClient.invoiceJson(id, "USD", 12500, to));

        awaitSms(key, "failed");
        assertThat(sideEffectStatus(key)).isEqualTo("failed");
        assertThat(jdbc.queryForObject("SELECT error_code FROM sms_messages WHERE idempotency_key = ?", String.class,
                key)).isEqualTo("21211");
        awaitSmsQueueEmpty();
        assertThat(sent(to)).isEqualTo(1);

        // an operator may still resend a refused message on purpose (no lookup: Twilio said no); it is refused again
        assertThat(JSON.readTree(hub().postAdmin("/admin/sms-messages/" + key + "/resend").body()).path("outcome")
                .asText()).isEqualTo("resent");
        await().atMost(Duration.ofSeconds(20)).until(() -> sent(to) == 2 && "failed".equals(sms(key)));
        assertThat(jdbc.queryForList("SELECT outcome FROM sms_operator_actions WHERE idempotency_key = ?",
                String.class, key)).containsExactly("resent");
        // Twilio's error text repeats the number: the audit keeps it, the log shows it masked only
        assertThat(jdbc.queryForObject("SELECT to_number FROM sms_messages WHERE idempotency_key = ?", String.class,
                key)).isEqualTo(to);
        assertThat(output.getAll()).contains("+1555***0107").doesNotContain(to);
    }

    @Test
    void tooManyRequestsIsRetriedWithBackoffAndSentOnce() {
        String to = "+15550000108";
        TWILIO.stubFor(send(to).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":20429,\"message\":\"Too Many Requests\",\"status\":429}"))
                .willSetStateTo("refused-once"));
        TWILIO.stubFor(send(to).inScenario("429").whenScenarioStateIs("refused-once").willReturn(created("SM108")));
        String id = invoiceId();
        String key = id + ":sms-invoice-issued";

        hub().postInvoice(HubClient.invoiceJson(id, "USD", 12500, to));

        awaitSms(key, "queued");
        assertThat(sent(to)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT attempts FROM idempotency_keys WHERE idempotency_key = ?",
                Integer.class, key)).isEqualTo(2);
    }

    @Test
    void deliveryStatusesOutOfOrderEndDeliveredAndTheTimelineShowsIt() throws Exception {
        String to = "+15550000109";
        TWILIO.stubFor(send(to).willReturn(created("SM109")));
        String id = invoiceId();
        String key = id + ":sms-invoice-issued";
        hub().postInvoice(HubClient.invoiceJson(id, "USD", 12500, to));
        awaitSms(key, "queued");

        assertThat(deliveries.apply("SM109", "delivered")).isEqualTo(WebhookEventStatus.PROCESSED);
        assertThat(deliveries.apply("SM109", "sent")).isEqualTo(WebhookEventStatus.PROCESSED);
        assertThat(deliveries.apply("SM109", "delivered")).isEqualTo(WebhookEventStatus.PROCESSED);

        assertThat(sms(key)).isEqualTo("delivered");
        JsonNode entry = find(JSON.readTree(hub().getApi("/api/invoices/" + id).body()).path("smsMessages"), key);
        assertThat(entry.path("status").asText()).isEqualTo("delivered");
        assertThat(entry.path("reference").asText()).isEqualTo("SM109");
        assertThat(deliveries.apply("SM-unknown", "delivered")).isEqualTo(WebhookEventStatus.UNMATCHED);
    }

    @Test
    void adminEndpointsAnswerTheContractErrors() {
        assertThat(hub().get("/admin/sms-messages", java.util.Map.of()).statusCode()).isEqualTo(401);
        HttpResponse<String> badStatus = hub().getAdmin("/admin/sms-messages?status=lost");
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(badStatus.body()).contains("\"error\":\"validation_failed\"");
        HttpResponse<String> missing = hub().postAdmin("/admin/sms-messages/NOPE-1:sms-invoice-issued/lookup");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("\"error\":\"not_found\"");
        assertThat(hub().getAdmin("/admin/sms-messages?limit=0").statusCode()).isEqualTo(400);
    }

    @Test
    void adminListPagesNewestFirst() throws Exception {
        String to = "+15550000110";
        TWILIO.stubFor(send(to).willReturn(created("SM110")));
        String older = invoiceId();
        String newer = invoiceId();
        hub().postInvoice(HubClient.invoiceJson(older, "USD", 100, to));
        awaitSms(older + ":sms-invoice-issued", "queued");
        hub().postInvoice(HubClient.invoiceJson(newer, "USD", 100, to));
        awaitSms(newer + ":sms-invoice-issued", "queued");
        long newest = jdbc.queryForObject("SELECT MAX(id) FROM sms_messages", Long.class);

        JsonNode first = JSON.readTree(hub().getAdmin("/admin/sms-messages?limit=1&cursor=" + (newest + 1)).body());
        JsonNode second = JSON.readTree(hub().getAdmin("/admin/sms-messages?limit=1&cursor="
                + first.path("next").asText()).body());

        assertThat(first.path("items").get(0).path("idempotencyKey").asText()).isEqualTo(newer + ":sms-invoice-issued");
        assertThat(second.path("items").get(0).path("idempotencyKey").asText()).isEqualTo(older + ":sms-invoice-issued");
        assertThat(second.path("items").get(0).path("id").asLong()).isLessThan(first.path("items").get(0).path("id").asLong());
    }

    // ---- helpers

    static String invoiceId() {
        return "INV-SMS-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static com.github.tomakehurst.wiremock.client.MappingBuilder send(String to) {
        return post(urlPathEqualTo(MESSAGES)).withFormParam("To", equalTo(to));
    }

    static int sent(String to) {
        RequestPatternBuilder pattern = postRequestedFor(urlPathEqualTo(MESSAGES)).withFormParam("To", equalTo(to));
        return TWILIO.countRequestsMatching(pattern.build()).getCount();
    }

    String sms(String key) {
        List<String> status = jdbc.queryForList("SELECT status FROM sms_messages WHERE idempotency_key = ?",
                String.class, key);
        return status.isEmpty() ? null : status.get(0);
    }

    String sideEffectStatus(String key) {
        return jdbc.queryForObject("SELECT status FROM idempotency_keys WHERE idempotency_key = ?", String.class, key);
    }

    /** See {@link LiveTwilioIntegrationBase#awaitSmsQueueEmpty()}. */
    void awaitSmsQueueEmpty() {
        BrokerQueues.awaitEmpty(broker, SMS_QUEUE);
    }

    void awaitSms(String key, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(sms(key)).isEqualTo(status));
    }

    static JsonNode find(JsonNode items, String key) {
        for (JsonNode item : items) {
            if (key.equals(item.path("idempotencyKey").asText())) {
                return item;
            }
        }
        return null;
    }

    static ResponseDefinitionBuilder created(String sid) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"" + sid + "\",\"account_sid\":\"" + SID + "\",\"status\":\"queued\","
                        + "\"num_segments\":\"1\"}");
    }

    static String message(String sid, String to, String body, String status) {
        return "{\"sid\":\"" + sid + "\",\"account_sid\":\"" + SID + "\",\"to\":\"" + to + "\",\"from\":\"" + FROM
                + "\",\"body\":\"" + body + "\",\"status\":\"" + status + "\",\"direction\":\"outbound-api\","
                + "\"date_created\":\"" + rfc2822(OffsetDateTime.now()) + "\",\"date_sent\":\""
                + rfc2822(OffsetDateTime.now()) + "\",\"num_segments\":\"1\"}";
    }

    static String rfc2822(OffsetDateTime time) {
        return time.format(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
    }

    static ResponseDefinitionBuilder page(String... messages) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"messages\":[" + String.join(",", messages) + "],\"first_page_uri\":\"" + MESSAGES
                        + "?PageSize=50&Page=0\",\"next_page_uri\":null,\"page\":0,\"page_size\":50,"
                        + "\"previous_page_uri\":null,\"start\":0,\"end\":0,\"uri\":\"" + MESSAGES + "\"}");
    }
}
