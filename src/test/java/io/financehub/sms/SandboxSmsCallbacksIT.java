package io.financehub.sms;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.twilio.security.RequestValidator;
import io.financehub.support.BrokerQueues;
import io.financehub.sms.application.SmsDeliveryService;
import io.financehub.support.HubClient;
import io.financehub.support.HubIntegrationBase;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * HUB_TWILIO_MODE=sandbox: a sent SMS is later reported {@code sent} and {@code delivered} by signed status callbacks,
 * scheduled through the broker. The callbacks go to WireMock here (standing in for the hub's webhook), which checks
 * what the webhook will check: Twilio's form fields and a signature over the hub's public URL.
 */
class SandboxSmsCallbacksIT extends HubIntegrationBase {

    static final String PATH = "/webhooks/twilio/sms-status";
    static final String CALLBACK_QUEUE = "hub.sandbox.sms-status-callbacks";
    static final WireMockServer WEBHOOK = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        WEBHOOK.start();
        WEBHOOK.stubFor(post(PATH).willReturn(aResponse().withStatus(200)));
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SmsDeliveryService deliveries;
    @Autowired
    EmbeddedActiveMQ broker;

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        registry.add("hub.twilio.sandbox-callback-url", () -> "http://127.0.0.1:" + WEBHOOK.port() + PATH);
        registry.add("hub.twilio.sandbox-callback-delay", () -> "300ms");
    }

    @AfterAll
    static void stopWebhook() {
        WEBHOOK.stop();
    }

    @Test
    void sandboxSendIsFollowedBySignedSentThenDeliveredCallbacks() {
        String id = "INV-SBX-" + UUID.randomUUID().toString().substring(0, 8);
        String key = id + ":sms-invoice-issued";

        hub().postInvoice(HubClient.invoiceJson(id, "USD", 12500, "+15550000201"));

        await().atMost(Duration.ofSeconds(20)).until(() -> !jdbc.queryForList("SELECT provider_msg_id FROM "
                + "sms_messages WHERE idempotency_key = ? AND provider_msg_id IS NOT NULL", String.class, key).isEmpty());
        String sid = jdbc.queryForObject("SELECT provider_msg_id FROM sms_messages WHERE idempotency_key = ?",
                String.class, key);
        await().atMost(Duration.ofSeconds(20)).until(() -> callbacksFor(sid).size() == 2);

        List<LoggedRequest> callbacks = callbacksFor(sid);
        RequestValidator twilio = new RequestValidator(TWILIO_TOKEN);
        for (LoggedRequest callback : callbacks) {
            Map<String, String> form = form(callback.getBodyAsString());
            assertThat(form).containsEntry("To", "+15550000201").containsEntry("MessageSid", sid)
                    .containsKeys("From", "AccountSid", "SmsSid", "SmsStatus", "ApiVersion");
            assertThat(twilio.validate(PUBLIC_BASE_URL + PATH, form, callback.getHeader("X-Twilio-Signature")))
                    .isTrue();
        }
        assertThat(callbacks.stream().map(c -> form(c.getBodyAsString()).get("MessageStatus")))
                .containsExactlyInAnyOrder("sent", "delivered");

        // what the webhook does with them (the webhook endpoint itself is another change): delivered, in any order
        callbacks.forEach(c -> deliveries.apply(sid, form(c.getBodyAsString()).get("MessageStatus")));
        assertThat(jdbc.queryForObject("SELECT status FROM sms_messages WHERE idempotency_key = ?", String.class, key))
                .isEqualTo("delivered");
        // both callbacks were scheduled when the SMS was sent; once their queue holds nothing (none scheduled,
        // waiting or unacknowledged) no callback is left to come, so the two seen are all there are
        BrokerQueues.awaitEmpty(broker, CALLBACK_QUEUE);
        assertThat(callbacksFor(sid)).hasSize(2);
    }

    static List<LoggedRequest> callbacksFor(String sid) {
        return WEBHOOK.findAll(postRequestedFor(urlPathEqualTo(PATH)).withFormParam("MessageSid", equalTo(sid)));
    }

    static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&")).map(p -> p.split("=", 2)).collect(Collectors.toMap(
                p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8), p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }
}
