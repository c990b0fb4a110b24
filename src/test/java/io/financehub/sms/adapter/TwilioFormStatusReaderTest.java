package io.financehub.sms.adapter;

import io.financehub.webhook.application.MalformedWebhookException;
import io.financehub.webhook.application.WebhookEnvelope;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TwilioFormStatusReaderTest {

    final TwilioFormStatusReader reader = new TwilioFormStatusReader();

    @Test
    void theEventIdIsTheMessageSidAndStatus() {
        assertThat(reader.envelope("MessageSid=SM123&MessageStatus=delivered&To=%2B15551234567"))
                .isEqualTo(new WebhookEnvelope("SM123:delivered", "message.delivered", null, "SM123"));
    }

    @Test
    void refusesCallbacksWithoutAUsableSidOrStatus() {
        assertThatThrownBy(() -> reader.envelope("MessageStatus=sent")).isInstanceOf(MalformedWebhookException.class);
        assertThatThrownBy(() -> reader.envelope("MessageSid=SM1")).isInstanceOf(MalformedWebhookException.class);
        assertThatThrownBy(() -> reader.envelope("MessageSid=SM1%3Ax&MessageStatus=sent"))
                .isInstanceOf(MalformedWebhookException.class);
        assertThatThrownBy(() -> reader.envelope("MessageSid=" + "S".repeat(65) + "&MessageStatus=sent"))
                .isInstanceOf(MalformedWebhookException.class);
        assertThatThrownBy(() -> reader.envelope("{\"MessageSid\":\"SM1\"}")).isInstanceOf(MalformedWebhookException.class);
    }
}
