package io.financehub.sms;

import io.financehub.sideeffect.application.DeadLetterStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.financehub.sms.LiveTwilioIntegrationBase.MESSAGES;
import static io.financehub.sms.LiveTwilioIntegrationBase.invoiceId;
import static io.financehub.sms.LiveTwilioIntegrationBase.message;
import static io.financehub.sms.LiveTwilioIntegrationBase.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An operator retrying the dead letter of an SMS whose outcome is unknown, with WireMock as Twilio: the retry goes
 * through the same lookup-first path as {@code /resend}, never straight to a second send.
 */
class SmsDeadLetterRetryIT extends LiveTwilioIntegrationBase {

    @Autowired
    DeadLetterStore deadLetters;

    @Test
    void retryingTheDeadLetterOfAnUnknownSmsThatTwilioHasSettlesItWithoutASecondSend() {
        String to = "+15550000201";
        String id = invoiceId();
        String key = unknownSms(id, to);
        TWILIO.stubFor(get(urlPathEqualTo(MESSAGES)).withQueryParam("To", equalTo(to)).willReturn(page(
                message("SM201", to, issuedText(id), "delivered"))));
        long letter = deadLetterOf(key);

        HttpResponse<String> retry = hub().postAdmin("/admin/dead-letters/" + letter + "/retry");

        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        awaitSmsQueueEmpty();
        assertThat(sent(to)).as("messages POSTed to the Twilio stub").isEqualTo(1);
        assertThat(jdbc.queryForMap("SELECT provider_msg_id, status FROM sms_messages WHERE idempotency_key = ?", key))
                .containsEntry("provider_msg_id", "SM201").containsEntry("status", "delivered");
        assertThat(sideEffectStatus(key)).isEqualTo("succeeded");
        assertThat(retry.body()).contains("\"status\":\"retried\"", "\"outcome\":\"found\"");
        assertThat(jdbc.queryForList("SELECT operator || ' ' || action || ' ' || outcome FROM sms_operator_actions "
                + "WHERE idempotency_key = ?", String.class, key)).containsExactly("admin dead-letter found");
    }

    @Test
    void retryingItWhileTwilioCannotBeAskedSendsNothingAndKeepsTheDeadLetterOpen() {
        String to = "+15550000202";
        String id = invoiceId();
        String key = unknownSms(id, to);
        TWILIO.stubFor(get(urlPathEqualTo(MESSAGES)).withQueryParam("To", equalTo(to))
                .willReturn(aResponse().withStatus(503)));
        long letter = deadLetterOf(key);

        HttpResponse<String> retry = hub().postAdmin("/admin/dead-letters/" + letter + "/retry");

        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(503);
        assertThat(retry.body()).contains("\"error\":\"vendor_unavailable\"");
        assertThat(jdbc.queryForObject("SELECT status FROM dead_letters WHERE id = ?", String.class, letter))
                .isEqualTo("open");
        awaitSmsQueueEmpty();
        assertThat(sent(to)).isEqualTo(1);
        assertThat(sideEffectStatus(key)).isEqualTo("unknown");
    }

    @Test
    void retryingItWhenTwilioHasNoSuchMessageSendsItExactlyOnceMore() {
        String to = "+15550000203";
        String id = invoiceId();
        String key = unknownSms(id, to);
        TWILIO.stubFor(get(urlPathEqualTo(MESSAGES)).withQueryParam("To", equalTo(to)).willReturn(page()));
        TWILIO.stubFor(send(to).willReturn(LiveTwilioIntegrationBase.created("SM203")));
        long letter = deadLetterOf(key);

        HttpResponse<String> retry = hub().postAdmin("/admin/dead-letters/" + letter + "/retry");

        assertThat(retry.body()).contains("\"status\":\"retried\"", "\"outcome\":\"resent\"");
        await().atMost(Duration.ofSeconds(20)).until(() -> "succeeded".equals(sideEffectStatus(key)));
        awaitSmsQueueEmpty();
        assertThat(sent(to)).isEqualTo(2);
    }

    /** The dead letter the broker leaves when the key's queue message kept failing. */
    long deadLetterOf(String key) {
        return deadLetters.record(new DeadLetterStore.NewDeadLetter("hub.side-effects.sms", "kept failing", "ID:" + key,
                key, key, Map.of("idempotencyKey", key), 6, Instant.now()));
    }

    static String issuedText(String invoiceId) {
        return "Hi Ada Lovelace, invoice " + invoiceId + " for USD 125.00 has been issued.";
    }
}
