package io.financehub.sms.adapter;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.financehub.sms.application.SmsSender;
import io.financehub.sideeffect.application.VendorOutcome;
import io.financehub.support.HubIntegrationBase;
import io.financehub.support.WireMockWarmUp;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The live Twilio adapter against WireMock: request shape, one request per call, and how each failure is judged. */
class TwilioSmsSenderTest {

    static final String SID = "AC00000000000000000000000000000001";
    static final String TOKEN = "live-test-token";
    static final String FROM = "+15005550006";
    static final String TO = "+15551234567";
    static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";
    static final String CALLBACK = "https://hub.example.test/webhooks/twilio/sms-status";
    /** Generous: the machine may be busy, and only the timeout test waits for it. */
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    static WireMockServer twilio;
    static CamelContext camel;
    static SmsSender sender;

    @BeforeAll
    static void start() {
        twilio = new WireMockServer(wireMockConfig().dynamicPort());
        twilio.start();
        camel = new DefaultCamelContext();
        camel.start();
        sender = TwilioSmsSender.onCamel(camel, camel.createProducerTemplate(), properties(
                "http://127.0.0.1:" + twilio.port(), TIMEOUT));
        WireMockWarmUp.warmUp(twilio);
    }

    @AfterAll
    static void stop() {
        camel.stop();
        twilio.stop();
    }

    @BeforeEach
    void reset() {
        twilio.resetAll();
    }

    static TwilioProperties properties(String apiBase, Duration timeout) {
        return new TwilioProperties("live", apiBase, SID, TOKEN, FROM, timeout, null, null);
    }

    @Test
    void sendsOneFormPostWithBasicAuthAndTheContractFields() {
        twilio.stubFor(post(MESSAGES).willReturn(created("SM0001", "queued")));

        VendorOutcome outcome = sender.send(request("INV-1:sms-invoice-issued", "Hi Ada, USD 125.00"));

        assertThat(outcome).isInstanceOf(VendorOutcome.Succeeded.class);
        assertThat(((VendorOutcome.Succeeded) outcome).reference()).isEqualTo("SM0001");
        assertThat(outcome.exchange().request()).contains("To=+1555***4567").doesNotContain(TO).doesNotContain(TOKEN);
        twilio.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES))
                .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials(SID, TOKEN))
                .withHeader("Content-Type", matching("application/x-www-form-urlencoded.*"))
                .withFormParam("To", equalTo(TO))
                .withFormParam("From", equalTo(FROM))
                .withFormParam("Body", equalTo("Hi Ada, USD 125.00"))
                .withFormParam("StatusCallback", equalTo(CALLBACK)));
    }

    @Test
    void serverErrorIsSentExactlyOnceAndLeavesTheOutcomeUnknown() {
        twilio.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(500).withHeader("Content-Type",
                "application/json").withBody("{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}")));

        VendorOutcome outcome = sender.send(request("INV-2:sms-invoice-issued", "body"));

        assertThat(outcome).isInstanceOf(VendorOutcome.Unknown.class);
        assertThat(outcome.exchange().httpStatus()).isEqualTo(500);
        twilio.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)));
    }

    @Test
    void unavailableWithoutTwilioBodyIsSentOnceAndUnknownWithItsStatus() {
        twilio.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(503).withBody("<html>busy</html>")));

        VendorOutcome outcome = sender.send(request("INV-3:sms-invoice-issued", "body"));

        assertThat(outcome).isInstanceOf(VendorOutcome.Unknown.class);
        assertThat(outcome.exchange().httpStatus()).isEqualTo(503);
        twilio.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)));
    }

    @Test
    void invalidNumberIsRefusedForGood() {
        twilio.stubFor(post(MESSAGES).willReturn(twilioError(400, 21211, "The 'To' number " + TO + " is not a valid phone number.")));

        VendorOutcome outcome = sender.send(request("INV-4:sms-invoice-issued", "body"));

        assertThat(outcome).isInstanceOf(VendorOutcome.Rejected.class);
        assertThat(((VendorOutcome.Rejected) outcome).code()).isEqualTo("21211");
        assertThat(outcome.exchange().response()).contains("21211");
        twilio.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)));
    }

    @Test
    void unsubscribedRecipientIsRefusedForGood() {
        twilio.stubFor(post(MESSAGES).willReturn(twilioError(400, 21610, "Attempt to send to unsubscribed recipient")));

        VendorOutcome outcome = sender.send(request("INV-5:sms-invoice-issued", "body"));

        assertThat(((VendorOutcome.Rejected) outcome).code()).isEqualTo("21610");
    }

    @Test
    void tooManyRequestsIsRetryableAndNotRetriedByTheClient() {
        twilio.stubFor(post(MESSAGES).willReturn(twilioError(429, 20429, "Too Many Requests")
                .withHeader("Retry-After", "1")));

        VendorOutcome outcome = sender.send(request("INV-6:sms-invoice-issued", "body"));

        assertThat(outcome).isInstanceOf(VendorOutcome.Retryable.class);
        twilio.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)));
    }

    @Test
    void readTimeoutAfterTheRequestArrivedIsUnknown() {
        twilio.stubFor(post(MESSAGES).willReturn(created("SM0007", "queued").withFixedDelay((int) TIMEOUT.toMillis() * 2)));

        VendorOutcome outcome = sender.send(request("INV-7:sms-invoice-issued", "body"));

        assertThat(outcome).isInstanceOf(VendorOutcome.Unknown.class);
        assertThat(((VendorOutcome.Unknown) outcome).message()).contains("Timeout");
        twilio.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)));
    }

    @Test
    void refusedConnectionSentNothingAndIsRetryable() {
        CamelContext other = new DefaultCamelContext();
        other.start();
        try {
            SmsSender unreachable = TwilioSmsSender.onCamel(other, other.createProducerTemplate(),
                    properties("http://127.0.0.1:" + HubIntegrationBase.freePort(), TIMEOUT));

            VendorOutcome outcome = unreachable.send(request("INV-8:sms-invoice-issued", "body"));

            assertThat(outcome).isInstanceOf(VendorOutcome.Retryable.class);
            assertThat(((VendorOutcome.Retryable) outcome).message()).contains("could not connect");
        } finally {
            other.stop();
        }
    }

    @Test
    void liveModeNeedsCredentials() {
        assertThatThrownBy(() -> TwilioSmsSender.onCamel(camel, camel.createProducerTemplate(),
                new TwilioProperties("live", "http://127.0.0.1:1", SID, "", FROM, null, null, null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("HUB_TWILIO_AUTH_TOKEN");
    }

    @Test
    void findSentAsksByRecipientAndDateSentAndMatchesTheBody() {
        twilio.stubFor(get(urlPathEqualTo(MESSAGES)).willReturn(page(
                message("SM0100", "other text", "delivered"), message("SM0101", "Hi Ada, USD 125.00", "delivered"))));

        List<SmsSender.SentMessage> found = sender.findSent(TO, "Hi Ada, USD 125.00",
                Instant.parse("2025-07-30T20:00:00Z"));

        assertThat(found).containsExactly(new SmsSender.SentMessage("SM0101", "delivered"));
        twilio.verify(getRequestedFor(urlPathEqualTo(MESSAGES)).withQueryParam("To", equalTo(TO))
                .withQueryParam("DateSent>", equalTo("2025-07-30T19:55:00"))
                .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials(SID, TOKEN)));
    }

    @Test
    void findSentAlsoFindsAnAcceptedMessageNotSentYet() {
        twilio.stubFor(get(urlPathEqualTo(MESSAGES)).withQueryParam("DateSent>", matching(".+")).willReturn(page()));
        twilio.stubFor(get(urlPathEqualTo(MESSAGES)).withQueryParam("DateSent>", WireMock.absent())
                .willReturn(page(message("SM0200", "Hi Ada", "queued"))));

        assertThat(sender.findSent(TO, "Hi Ada", Instant.parse("2025-07-30T20:00:00Z")))
                .contains(new SmsSender.SentMessage("SM0200", "queued"));
    }

    @Test
    void findSentListsEveryMessageWithTheTextOldestFirstSoTheCallerCanExcludeThoseOfOtherKeys() {
        twilio.stubFor(get(urlPathEqualTo(MESSAGES)).withQueryParam("DateSent>", matching(".+")).willReturn(page(
                message("SM0402", "USD 20.00 refunded", "delivered", "Wed, 30 Jul 2025 20:09:00 +0000"),
                message("SM0401", "USD 20.00 refunded", "delivered", "Wed, 30 Jul 2025 20:01:00 +0000"))));
        twilio.stubFor(get(urlPathEqualTo(MESSAGES)).withQueryParam("DateSent>", WireMock.absent())
                .willReturn(page(message("SM0403", "USD 20.00 refunded", "queued", "Wed, 30 Jul 2025 20:10:00 +0000"),
                        message("SM0402", "USD 20.00 refunded", "delivered", "Wed, 30 Jul 2025 20:09:00 +0000"),
                        message("SM0399", "USD 20.00 refunded", "delivered", "Wed, 30 Jul 2025 19:00:00 +0000"))));

        assertThat(sender.findSent(TO, "USD 20.00 refunded", Instant.parse("2025-07-30T20:00:00Z")))
                .extracting(SmsSender.SentMessage::providerMessageId)
                .as("SM0399 was created before the window").containsExactly("SM0401", "SM0402", "SM0403");
    }

    @Test
    void findSentAnswersEmptyWhenTwilioHasNoSuchMessage() {
        twilio.stubFor(get(urlPathEqualTo(MESSAGES)).willReturn(page(message("SM0300", "other", "sent"))));

        assertThat(sender.findSent(TO, "Hi Ada", Instant.parse("2025-07-30T20:00:00Z"))).isEmpty();
    }

    @Test
    void findSentFailsLoudlyWhenTwilioCannotBeAsked() {
        twilio.stubFor(get(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(500)));

        assertThatThrownBy(() -> sender.findSent(TO, "Hi Ada", Instant.now()))
                .isInstanceOf(SmsSender.LookupFailedException.class);
        twilio.verify(1, getRequestedFor(urlPathEqualTo(MESSAGES)));
    }

    static SmsSender.SmsRequest request(String key, String body) {
        return new SmsSender.SmsRequest(key, TO, body, CALLBACK);
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created(String sid, String status) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody(message(sid, "body", status));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder twilioError(int status, int code,
                                                                                        String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":" + code + ",\"message\":\"" + message + "\",\"more_info\":"
                        + "\"https://www.twilio.com/docs/errors/" + code + "\",\"status\":" + status + "}");
    }

    static String message(String sid, String body, String status) {
        return message(sid, body, status, "Wed, 30 Jul 2025 20:00:01 +0000");
    }

    static String message(String sid, String body, String status, String dateCreated) {
        boolean sent = !"queued".equals(status);
        return "{\"sid\":\"" + sid + "\",\"account_sid\":\"" + SID + "\",\"to\":\"" + TO + "\",\"from\":\"" + FROM
                + "\",\"body\":\"" + body + "\",\"status\":\"" + status + "\",\"direction\":\"outbound-api\","
                + "\"date_created\":\"" + dateCreated + "\",\"date_sent\":"
                + (sent ? "\"" + dateCreated + "\"" : "null") + ",\"num_segments\":\"1\"}";
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder page(String... messages) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"messages\":[" + String.join(",", messages) + "],\"end\":" + Math.max(messages.length - 1, 0)
                        + ",\"first_page_uri\":\"" + MESSAGES + "?PageSize=50&Page=0\",\"next_page_uri\":null,"
                        + "\"page\":0,\"page_size\":50,\"previous_page_uri\":null,\"start\":0,\"uri\":\"" + MESSAGES
                        + "?PageSize=50&Page=0\"}");
    }
}
