package io.financehub.sms.adapter;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.twilio.security.RequestValidator;
import io.financehub.support.VendorRoutes;
import io.financehub.webhook.application.WebhookPaths;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox's status callback: Twilio's form fields, signed over the public URL, one attempt, no exception. */
class SandboxSmsStatusCallbacksTest {

    static final String TOKEN = "sandbox-token";
    static final String PUBLIC = "https://hub.example.test";
    static WireMockServer hub;
    static JdbcTemplate jdbc;
    static CamelContext camel;

    @BeforeAll
    static void start() {
        hub = new WireMockServer(wireMockConfig().dynamicPort());
        hub.start();
        camel = new DefaultCamelContext();
        camel.start();
        VendorRoutes.add(camel, Map.of(), "sandbox-sms-status-callback-post");
        jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:sandbox-callbacks;MODE=PostgreSQL;DB_CLOSE_DELAY=-1", "sa", ""));
        jdbc.execute("CREATE TABLE sandbox_sms (sid VARCHAR(64) PRIMARY KEY, to_number VARCHAR(16), body VARCHAR(2000), "
                + "sent_at TIMESTAMP WITH TIME ZONE)");
        jdbc.update("INSERT INTO sandbox_sms VALUES ('SM1', '+15551234567', 'Hi', ?)", OffsetDateTime.now());
    }

    @AfterAll
    static void stop() {
        camel.stop();
        hub.stop();
    }

    SandboxSmsStatusCallbacks callbacks(String token) {
        return callbacks("sandbox", token);
    }

    SandboxSmsStatusCallbacks callbacks(String mode, String token) {
        TwilioProperties twilio = new TwilioProperties(mode, null, null, token, null, null, null, null, null);
        return new SandboxSmsStatusCallbacks(new JdbcSandboxSmsStore(jdbc), twilio, PUBLIC,
                () -> "http://127.0.0.1:" + hub.port() + WebhookPaths.TWILIO_SMS_STATUS, camel.createProducerTemplate());
    }

    @Test
    void postsTwilioFieldsSignedOverThePublicUrl() {
        hub.resetAll();
        hub.stubFor(post(WebhookPaths.TWILIO_SMS_STATUS).willReturn(aResponse().withStatus(200)));

        assertThat(callbacks(TOKEN).deliver("SM1", "delivered")).isEqualTo("answered-200");

        List<LoggedRequest> requests = hub.findAll(postRequestedFor(urlPathEqualTo(WebhookPaths.TWILIO_SMS_STATUS)));
        assertThat(requests).hasSize(1);
        Map<String, String> form = form(requests.get(0).getBodyAsString());
        assertThat(form).containsEntry("MessageSid", "SM1").containsEntry("MessageStatus", "delivered")
                .containsEntry("SmsSid", "SM1").containsEntry("SmsStatus", "delivered")
                .containsEntry("To", "+15551234567").containsEntry("From", "+15005550006")
                .containsEntry("AccountSid", "ACsandbox").containsEntry("ApiVersion", "2010-04-01");
        assertThat(requests.get(0).getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(new RequestValidator(TOKEN).validate(PUBLIC + WebhookPaths.TWILIO_SMS_STATUS, form,
                requests.get(0).getHeader("X-Twilio-Signature"))).isTrue();
    }

    @Test
    void refusalIsOneAttemptAndNoException() {
        hub.resetAll();
        hub.stubFor(post(WebhookPaths.TWILIO_SMS_STATUS).willReturn(aResponse().withStatus(404)));

        assertThat(callbacks(TOKEN).deliver("SM1", "sent")).isEqualTo("answered-404");

        hub.verify(1, postRequestedFor(urlPathEqualTo(WebhookPaths.TWILIO_SMS_STATUS)));
    }

    @Test
    void unknownMessageOrMissingTokenSendsNothing() {
        hub.resetAll();

        assertThat(callbacks(TOKEN).deliver("SM-none", "sent")).isEqualTo("skipped");
        // only a live hub can lack a token (sandbox mode defaults to the sandbox token); its callbacks of messages
        // sent before the switch to live are skipped
        assertThat(callbacks("live", "").deliver("SM1", "sent")).isEqualTo("skipped");

        hub.verify(0, postRequestedFor(urlPathEqualTo(WebhookPaths.TWILIO_SMS_STATUS)));
    }

    @Test
    void unreachableHubIsNoException() {
        TwilioProperties twilio = new TwilioProperties("sandbox", null, null, TOKEN, null, null, null, null, null);
        SandboxSmsStatusCallbacks nowhere = new SandboxSmsStatusCallbacks(new JdbcSandboxSmsStore(jdbc), twilio,
                PUBLIC, () -> "http://127.0.0.1:" + io.financehub.support.HubIntegrationBase.freePort() + "/x",
                camel.createProducerTemplate());

        assertThat(nowhere.deliver("SM1", "sent")).isEqualTo("not-delivered");
    }

    static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&")).map(p -> p.split("=", 2)).collect(Collectors.toMap(
                p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8), p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }
}
