package io.financehub.webhook;

import io.financehub.support.WebhookSigner;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Twilio status callbacks over real HTTP: Twilio's signature over the public URL, dedup by MessageSid:MessageStatus. */
class TwilioWebhookIT extends WebhookIntegrationBase {

    static final String PHONE = "+15551234567";

    @Test
    void statusCallbacksMoveTheMessageForwardOnlyAndDuplicatesChangeNothing() {
        String invoiceId = issueInvoice(2500, PHONE);
        String sid = sentMessageSid(invoiceId);

        HttpResponse<String> delivered = postSignedTwilio(callback(sid, "delivered"));
        assertThat(delivered.statusCode()).isEqualTo(200);
        assertThat(delivered.body()).isEqualTo("{\"status\":\"accepted\",\"eventId\":\"" + sid + ":delivered\"}");
        awaitEventStatus("twilio", sid + ":delivered", "processed");
        assertThat(smsStatus(sid)).isEqualTo("delivered");

        // a late 'sent' is stored and processed, but the message does not move back
        assertThat(postSignedTwilio(callback(sid, "sent")).statusCode()).isEqualTo(200);
        awaitEventStatus("twilio", sid + ":sent", "processed");
        assertThat(smsStatus(sid)).isEqualTo("delivered");

        HttpResponse<String> again = postSignedTwilio(callback(sid, "delivered"));
        assertThat(again.body()).isEqualTo("{\"status\":\"duplicate\",\"eventId\":\"" + sid + ":delivered\"}");
        assertThat(eventRow("twilio", sid + ":delivered")).containsEntry("duplicates", 1).containsEntry("attempts", 1)
                .containsEntry("type", "message.delivered").containsEntry("invoice_id", invoiceId);
        assertThat(hub().getApi("/api/invoices/" + invoiceId).body()).contains(sid + ":delivered", sid + ":sent");
    }

    @Test
    void theSignatureCoversThePublicUrlNotTheAddressTheHubListensOn() {
        Map<String, String> params = callback(unique("SM"), "sent");

        HttpResponse<String> local = postTwilio(params, WebhookSigner.twilio(baseUrl() + TWILIO_PATH, params,
                TWILIO_TOKEN));

        assertThat(local.statusCode()).isEqualTo(400);
        assertThat(local.body()).contains("\"error\":\"invalid_signature\"");
        assertThat(postSignedTwilio(params).statusCode()).isEqualTo(200);
    }

    @Test
    void wrongTokenMissingHeaderAndChangedParametersAreRefused() {
        Map<String, String> params = callback(unique("SM"), "failed");
        int before = webhookRows();

        assertThat(postTwilio(params, WebhookSigner.twilio(PUBLIC_BASE_URL + TWILIO_PATH, params, "not-the-token"))
                .body()).contains("\"error\":\"invalid_signature\"");
        assertThat(postTwilio(params, null).body()).contains("\"error\":\"invalid_signature\"");
        Map<String, String> changed = new LinkedHashMap<>(params);
        changed.put("MessageStatus", "delivered");
        assertThat(postTwilio(changed, WebhookSigner.twilio(PUBLIC_BASE_URL + TWILIO_PATH, params, TWILIO_TOKEN))
                .statusCode()).isEqualTo(400);
        assertThat(webhookRows()).isEqualTo(before);
    }

    @Test
    void aSignedCallbackWithoutMessageStatusIsMalformed() {
        Map<String, String> params = Map.of("MessageSid", unique("SM"), "To", PHONE);
        HttpResponse<String> response = postSignedTwilio(params);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"error\":\"malformed_payload\"");
    }

    @Test
    void aCallbackForAnUnknownMessageIsKeptAsUnmatched() {
        String sid = unique("SM");
        assertThat(postSignedTwilio(callback(sid, "delivered")).statusCode()).isEqualTo(200);
        awaitEventStatus("twilio", sid + ":delivered", "unmatched");
        assertThat(hub().getAdmin("/admin/webhook-events?provider=twilio&status=unmatched").body())
                .contains(sid + ":delivered");
    }

    private String sentMessageSid(String invoiceId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !jdbc.queryForList(
                "SELECT provider_msg_id FROM sms_messages WHERE invoice_id = ? AND provider_msg_id IS NOT NULL",
                String.class, invoiceId).isEmpty());
        return jdbc.queryForObject("SELECT provider_msg_id FROM sms_messages WHERE invoice_id = ?", String.class,
                invoiceId);
    }

    private String smsStatus(String sid) {
        return jdbc.queryForObject("SELECT status FROM sms_messages WHERE provider_msg_id = ?", String.class, sid);
    }

    private static Map<String, String> callback(String sid, String status) {
        return WebhookSigner.twilioStatusCallback("ACsandbox", sid, status, PHONE);
    }
}
