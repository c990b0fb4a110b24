package io.financehub.sms.adapter;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.financehub.sms.application.SmsSender;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Asking Twilio whether a message was already sent, after an unknown outcome: which it lists and when it fails. */
class TwilioSentMessageLookupTest extends TwilioSmsSenderBase {

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

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder page(String... messages) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"messages\":[" + String.join(",", messages) + "],\"end\":" + Math.max(messages.length - 1, 0)
                        + ",\"first_page_uri\":\"" + MESSAGES + "?PageSize=50&Page=0\",\"next_page_uri\":null,"
                        + "\"page\":0,\"page_size\":50,\"previous_page_uri\":null,\"start\":0,\"uri\":\"" + MESSAGES
                        + "?PageSize=50&Page=0\"}");
    }
}
