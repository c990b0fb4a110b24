package io.financehub.sms;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.financehub.support.BrokerQueues;
import io.financehub.support.HubClient;
import io.financehub.support.HubIntegrationBase;
import io.financehub.support.WireMockWarmUp;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.financehub.sms.TwilioSmsLiveIT.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Base of SMS reconciliation tests with {@code HUB_TWILIO_MODE=live} against a WireMock Twilio; subclasses share one
 * application context. Each test uses a recipient number of its own, so the stub's counts are per test.
 */
abstract class LiveTwilioIntegrationBase extends HubIntegrationBase {

    /** Started once per test JVM and shared by every subclass (stopping it after one class would break the next). */
    static final WireMockServer TWILIO = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        TWILIO.start();
        WireMockWarmUp.warmUp(TWILIO);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EmbeddedActiveMQ broker;

    @DynamicPropertySource
    static void liveTwilio(DynamicPropertyRegistry registry) {
        registry.add("hub.twilio.mode", () -> "live");
        registry.add("hub.twilio.api-base", () -> "http://127.0.0.1:" + TWILIO.port());
        registry.add("hub.twilio.account-sid", () -> TwilioSmsLiveIT.SID);
        registry.add("hub.twilio.from", () -> TwilioSmsLiveIT.FROM);
        registry.add("hub.twilio.timeout", () -> "2s");
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

    static com.github.tomakehurst.wiremock.client.MappingBuilder send(String to) {
        return post(urlPathEqualTo(MESSAGES)).withFormParam("To", equalTo(to));
    }

    static int sent(String to) {
        return TWILIO.countRequestsMatching(postRequestedFor(urlPathEqualTo(MESSAGES))
                .withFormParam("To", equalTo(to)).build()).getCount();
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
        BrokerQueues.awaitEmpty(broker, TwilioSmsLiveIT.SMS_QUEUE);
    }

    void awaitSideEffect(String key, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(sideEffectStatus(key)).isEqualTo(status));
    }
}
