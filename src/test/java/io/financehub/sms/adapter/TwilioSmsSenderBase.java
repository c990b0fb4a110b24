package io.financehub.sms.adapter;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.financehub.sms.application.SmsSender;
import io.financehub.support.VendorRoutes;
import io.financehub.support.WireMockWarmUp;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/** The Twilio adapter's tests share this: a WireMock Twilio, a live sender on it, and Twilio's answer shapes. */
abstract class TwilioSmsSenderBase {

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
        VendorRoutes.add(camel, Map.of(), "twilio-send-sms", "twilio-lookup-sms");
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
        return new TwilioProperties("live", apiBase, SID, TOKEN, FROM, timeout, null, null, null);
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
}
