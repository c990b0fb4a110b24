package io.financehub.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.financehub.payment.application.PaymentEventService;
import io.financehub.sms.application.SmsDeliveryService;
import io.financehub.support.BrokerQueues;
import io.financehub.support.HubClient;
import io.financehub.support.HubIntegrationBase;
import io.financehub.support.WireMockWarmUp;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Base of the SMS tests with {@code HUB_TWILIO_MODE=live} against a WireMock Twilio; subclasses share one application
 * context. Each test uses a recipient number of its own, so the stub's counts are per test.
 */
abstract class LiveTwilioIntegrationBase extends HubIntegrationBase {

    static final String SID = "AC11111111111111111111111111111111";
    static final String FROM = "+15005550006";
    static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";
    static final String STATUS_CALLBACK = PUBLIC_BASE_URL + "/webhooks/twilio/sms-status";
    /** Generous: the machine may be busy, and only the timeout test waits for it. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    static final ObjectMapper JSON = new ObjectMapper();
    /** The SMS side-effect queue: every send the hub makes is one of its messages. */
    static final String SMS_QUEUE = "hub.side-effects.sms";
    /** Started once per test JVM and shared by every subclass (stopping it after one class would break the next). */
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
    static void liveTwilio(DynamicPropertyRegistry registry) {
        registry.add("hub.twilio.mode", () -> "live");
        registry.add("hub.twilio.api-base", () -> "http://127.0.0.1:" + TWILIO.port());
        registry.add("hub.twilio.account-sid", () -> SID);
        registry.add("hub.twilio.from", () -> FROM);
        registry.add("hub.twilio.timeout", () -> READ_TIMEOUT.toMillis() + "ms");
    }

    /** An invoice-issued SMS whose send Twilio answered with 500: it may have gone out, the hub cannot know. */
    String unknownSms(String invoiceId, String to) {
        TWILIO.stubFor(send(to).willReturn(aResponse().withStatus(500)));
        String key = invoiceId + ":sms-invoice-issued";
        assertThat(hub().postInvoice(HubClient.invoiceJson(invoiceId, "USD", 12500, to)).statusCode()).isEqualTo(202);
        awaitSideEffect(key, "unknown");
        assertThat(sent(to)).isEqualTo(1);
        return key;
    }

    String sideEffectStatus(String key) {
        List<String> status = jdbc.queryForList("SELECT status FROM idempotency_keys WHERE idempotency_key = ?",
                String.class, key);
        return status.isEmpty() ? null : status.get(0);
    }

    /**
     * Every SMS send goes through a message on the SMS side-effect queue: once it holds nothing (none waiting,
     * scheduled or unacknowledged), every send that was asked for has been made, and a side effect the workers and
     * the relay leave alone (succeeded, failed, unknown) gets none more.
     */
    void awaitSmsQueueEmpty() {
        BrokerQueues.awaitEmpty(broker, SMS_QUEUE);
    }

    void awaitSideEffect(String key, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(sideEffectStatus(key)).isEqualTo(status));
    }

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
