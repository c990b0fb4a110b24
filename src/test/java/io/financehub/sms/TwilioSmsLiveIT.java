package io.financehub.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.financehub.payment.domain.PaymentEvent;
import io.financehub.webhook.domain.WebhookEventStatus;
import io.financehub.support.HubClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.net.http.HttpResponse;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests of SMS with HUB_TWILIO_MODE=live and WireMock standing in for Twilio: the request, one SMS per key
 * whatever is replayed, failures judged by whether Twilio may have the message, and the operator's reconciliation.
 * Each test uses a recipient number of its own, so the stub's counts are per test.
 */
/**
 * SMS with HUB_TWILIO_MODE=live and WireMock standing in for Twilio: the documented request, one SMS per key whatever is
 * replayed, final and retryable refusals, delivery statuses, and the operators' list and its errors.
 */
@ExtendWith(OutputCaptureExtension.class)
class TwilioSmsLiveIT extends LiveTwilioIntegrationBase {

    @Test
    void replayedCommandSendsOneSmsWithTheDocumentedRequest() {
        String to = "+15550000101";
        TWILIO.stubFor(send(to).willReturn(created("SM101")));
        String id = invoiceId();
        String body = HubClient.invoiceJson(id, "USD", 12500, to);

        for (int i = 0; i < 3; i++) {
            assertThat(hub().postInvoice(body).statusCode()).isEqualTo(202);
        }

        awaitSms(id + ":sms-invoice-issued", "queued");
        awaitSmsQueueEmpty();
        assertThat(sent(to)).isEqualTo(1);
        TWILIO.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES))
                .withBasicAuth(new BasicCredentials(SID, TWILIO_TOKEN))
                .withFormParam("To", equalTo(to))
                .withFormParam("From", equalTo(FROM))
                .withFormParam("Body", equalTo("Hi Ada Lovelace, invoice " + id + " for USD 125.00 has been issued."))
                .withFormParam("StatusCallback", equalTo(STATUS_CALLBACK)));
        assertThat(jdbc.queryForMap("SELECT to_number, template, payload, provider_msg_id FROM sms_messages "
                + "WHERE idempotency_key = ?", id + ":sms-invoice-issued"))
                .containsEntry("to_number", to).containsEntry("template", "sms-invoice-issued")
                .containsEntry("provider_msg_id", "SM101")
                .containsEntry("payload", "Hi Ada Lovelace, invoice " + id + " for USD 125.00 has been issued.");
        assertThat(jdbc.queryForObject("SELECT request FROM sms_messages WHERE idempotency_key = ?", String.class,
                id + ":sms-invoice-issued")).contains("+1555***0101").doesNotContain(to).doesNotContain(TWILIO_TOKEN);
    }

    @Test
    void duplicatePaymentEventsSendOneReceipt() {
        String to = "+15550000102";
        TWILIO.stubFor(send(to).withFormParam("Body", containing("issued")).willReturn(created("SM102a")));
        TWILIO.stubFor(send(to).withFormParam("Body", containing("we received")).willReturn(created("SM102b")));
        String id = invoiceId();
        assertThat(hub().postInvoice(HubClient.invoiceJson(id, "JPY", 12500, to)).statusCode()).isEqualTo(202);
        PaymentEvent succeeded = new PaymentEvent("evt_" + id, PaymentEvent.Type.PAYMENT_SUCCEEDED, id, null, 0);

        assertThat(paymentEvents.apply(succeeded)).isEqualTo(WebhookEventStatus.PROCESSED);
        assertThat(paymentEvents.apply(succeeded)).isEqualTo(WebhookEventStatus.PROCESSED);

        awaitSms(id + ":sms-payment-receipt", "queued");
        awaitSmsQueueEmpty();
        assertThat(sent(to)).isEqualTo(2);
        TWILIO.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)).withFormParam("To", equalTo(to))
                .withFormParam("Body", equalTo("Thank you Ada Lovelace: we received JPY 12500 for invoice " + id + ".")));
    }

    @Test
    void invalidNumberIsFinalAfterOneRequest(CapturedOutput output) throws Exception {
        String to = "+15550000107";
        TWILIO.stubFor(send(to).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":21211,\"message\":\"The 'To' number " + to + " is not a valid phone number.\","
                        + "\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}")));
        String id = invoiceId();
        String key = id + ":sms-invoice-issued";

        hub().postInvoice(HubClient.invoiceJson(id, "USD", 12500, to));

        awaitSms(key, "failed");
        assertThat(sideEffectStatus(key)).isEqualTo("failed");
        assertThat(jdbc.queryForObject("SELECT error_code FROM sms_messages WHERE idempotency_key = ?", String.class,
                key)).isEqualTo("21211");
        awaitSmsQueueEmpty();
        assertThat(sent(to)).isEqualTo(1);

        // an operator may still resend a refused message on purpose (no lookup: Twilio said no); it is refused again
        assertThat(JSON.readTree(hub().postAdmin("/admin/sms-messages/" + key + "/resend").body()).path("outcome")
                .asText()).isEqualTo("resent");
        await().atMost(Duration.ofSeconds(20)).until(() -> sent(to) == 2 && "failed".equals(sms(key)));
        assertThat(jdbc.queryForList("SELECT outcome FROM sms_operator_actions WHERE idempotency_key = ?",
                String.class, key)).containsExactly("resent");
        // Twilio's error text repeats the number: the audit keeps it, the log shows it masked only
        assertThat(jdbc.queryForObject("SELECT to_number FROM sms_messages WHERE idempotency_key = ?", String.class,
                key)).isEqualTo(to);
        assertThat(output.getAll()).contains("+1555***0107").doesNotContain(to);
    }

    @Test
    void tooManyRequestsIsRetriedWithBackoffAndSentOnce() {
        String to = "+15550000108";
        TWILIO.stubFor(send(to).inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":20429,\"message\":\"Too Many Requests\",\"status\":429}"))
                .willSetStateTo("refused-once"));
        TWILIO.stubFor(send(to).inScenario("429").whenScenarioStateIs("refused-once").willReturn(created("SM108")));
        String id = invoiceId();
        String key = id + ":sms-invoice-issued";

        hub().postInvoice(HubClient.invoiceJson(id, "USD", 12500, to));

        awaitSms(key, "queued");
        assertThat(sent(to)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT attempts FROM idempotency_keys WHERE idempotency_key = ?",
                Integer.class, key)).isEqualTo(2);
    }

    @Test
    void deliveryStatusesOutOfOrderEndDeliveredAndTheTimelineShowsIt() throws Exception {
        String to = "+15550000109";
        TWILIO.stubFor(send(to).willReturn(created("SM109")));
        String id = invoiceId();
        String key = id + ":sms-invoice-issued";
        hub().postInvoice(HubClient.invoiceJson(id, "USD", 12500, to));
        awaitSms(key, "queued");

        assertThat(deliveries.apply("SM109", "delivered")).isEqualTo(WebhookEventStatus.PROCESSED);
        assertThat(deliveries.apply("SM109", "sent")).isEqualTo(WebhookEventStatus.PROCESSED);
        assertThat(deliveries.apply("SM109", "delivered")).isEqualTo(WebhookEventStatus.PROCESSED);

        assertThat(sms(key)).isEqualTo("delivered");
        JsonNode entry = find(JSON.readTree(hub().getApi("/api/invoices/" + id).body()).path("smsMessages"), key);
        assertThat(entry.path("status").asText()).isEqualTo("delivered");
        assertThat(entry.path("reference").asText()).isEqualTo("SM109");
        assertThat(deliveries.apply("SM-unknown", "delivered")).isEqualTo(WebhookEventStatus.UNMATCHED);
    }

    @Test
    void adminEndpointsAnswerTheHubErrors() {
        assertThat(hub().get("/admin/sms-messages", java.util.Map.of()).statusCode()).isEqualTo(401);
        HttpResponse<String> badStatus = hub().getAdmin("/admin/sms-messages?status=lost");
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(badStatus.body()).contains("\"error\":\"validation_failed\"");
        HttpResponse<String> missing = hub().postAdmin("/admin/sms-messages/NOPE-1:sms-invoice-issued/lookup");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("\"error\":\"not_found\"");
        assertThat(hub().getAdmin("/admin/sms-messages?limit=0").statusCode()).isEqualTo(400);
    }

    @Test
    void adminListPagesNewestFirst() throws Exception {
        String to = "+15550000110";
        TWILIO.stubFor(send(to).willReturn(created("SM110")));
        String older = invoiceId();
        String newer = invoiceId();
        hub().postInvoice(HubClient.invoiceJson(older, "USD", 100, to));
        awaitSms(older + ":sms-invoice-issued", "queued");
        hub().postInvoice(HubClient.invoiceJson(newer, "USD", 100, to));
        awaitSms(newer + ":sms-invoice-issued", "queued");
        long newest = jdbc.queryForObject("SELECT MAX(id) FROM sms_messages", Long.class);

        JsonNode first = JSON.readTree(hub().getAdmin("/admin/sms-messages?limit=1&cursor=" + (newest + 1)).body());
        JsonNode second = JSON.readTree(hub().getAdmin("/admin/sms-messages?limit=1&cursor="
                + first.path("next").asText()).body());

        assertThat(first.path("items").get(0).path("idempotencyKey").asText()).isEqualTo(newer + ":sms-invoice-issued");
        assertThat(second.path("items").get(0).path("idempotencyKey").asText()).isEqualTo(older + ":sms-invoice-issued");
        assertThat(second.path("items").get(0).path("id").asLong()).isLessThan(first.path("items").get(0).path("id").asLong());
    }
}
