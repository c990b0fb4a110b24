package io.financehub.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.financehub.support.HubClient;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests of SMS with HUB_TWILIO_MODE=live and WireMock standing in for Twilio: the request, one SMS per key
 * whatever is replayed, failures judged by whether Twilio may have the message, and the operator's reconciliation.
 * Each test uses a recipient number of its own, so the stub's counts are per test.
 */
/**
 * SMS whose send may or may not have reached Twilio (5xx, a timeout after the request arrived, a worker that died after
 * sending): never sent again blindly, looked up by the relay's takeover or an operator, resent only on purpose.
 */
class TwilioSmsUnknownOutcomeIT extends LiveTwilioIntegrationBase {

    @Test
    void serverErrorIsSentOnceAndLeavesTheMessageUnknownForReconciliation() throws Exception {
        String to = "+15550000103";
        TWILIO.stubFor(send(to).willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}")));
        String id = invoiceId();
        String key = id + ":sms-invoice-issued";

        hub().postInvoice(HubClient.invoiceJson(id, "USD", 12500, to));

        awaitSms(key, "unknown");
        assertThat(sideEffectStatus(key)).isEqualTo("unknown");
        assertThat(sent(to)).isEqualTo(1);
        JsonNode unknown = JSON.readTree(hub().getAdmin("/admin/sms-messages?status=unknown&limit=1000").body());
        JsonNode item = find(unknown.path("items"), key);
        assertThat(item).isNotNull();
        assertThat(item.path("to").asText()).isEqualTo("+1555***0103");
        assertThat(item.path("status").asText()).isEqualTo("unknown");
        assertThat(unknown.has("next")).isTrue();
        JsonNode timeline = JSON.readTree(hub().getApi("/api/invoices/" + id).body());
        assertThat(find(timeline.path("smsMessages"), key).path("status").asText()).isEqualTo("unknown");

        // Twilio cannot be asked: that is not "not found", and never leads to a resend
        TWILIO.stubFor(get(urlPathEqualTo(MESSAGES)).withQueryParam("To", equalTo(to))
                .willReturn(aResponse().withStatus(503)));
        assertThat(JSON.readTree(hub().postAdmin("/admin/sms-messages/" + key + "/lookup").body()).path("outcome")
                .asText()).isEqualTo("lookup-failed");
        assertThat(JSON.readTree(hub().postAdmin("/admin/sms-messages/" + key + "/resend").body()).path("outcome")
                .asText()).isEqualTo("lookup-failed");
        awaitSmsQueueEmpty();
        assertThat(sent(to)).isEqualTo(1);
        assertThat(sms(key)).isEqualTo("unknown");
        assertThat(sideEffectStatus(key)).isEqualTo("unknown");
    }

    @Test
    void timeoutAfterTheRequestArrivedLeavesUnknownSendsNothingMoreAndLookupSettlesIt() throws Exception {
        String to = "+15550000104";
        TWILIO.stubFor(send(to).willReturn(created("SM104").withFixedDelay((int) READ_TIMEOUT.toMillis() * 3)));
        String id = invoiceId();
        String key = id + ":sms-invoice-issued";

        hub().postInvoice(HubClient.invoiceJson(id, "USD", 12500, to));

        awaitSms(key, "unknown");
        assertThat(jdbc.queryForObject("SELECT last_error FROM idempotency_keys WHERE idempotency_key = ?",
                String.class, key)).contains("Read timed out");
        await().atMost(Duration.ofSeconds(20)).until(() -> "unknown".equals(sideEffectStatus(key)));
        // lease (5s) and relay wait (3s) long past, by the database clock the relay ages by: relay passes that see
        // it so run, and nothing re-dispatches an unknown SMS, so nothing is sent again
        jdbc.update("UPDATE idempotency_keys SET claimed_at = ?, dispatched_at = ? WHERE idempotency_key = ?",
                OffsetDateTime.now().minusHours(1), OffsetDateTime.now().minusHours(1), key);
        NotifyBuilder relayPasses = new NotifyBuilder(camel).fromRoute("outbox-relay").whenCompleted(2).create();
        assertThat(relayPasses.matches(20, TimeUnit.SECONDS)).as("two outbox relay passes").isTrue();
        awaitSmsQueueEmpty();
        assertThat(sent(to)).isEqualTo(1);
        assertThat(sms(key)).isEqualTo("unknown");

        TWILIO.stubFor(get(urlPathEqualTo(MESSAGES)).withQueryParam("To", equalTo(to)).willReturn(page(
                message("SM104", to, "Hi Ada Lovelace, invoice " + id + " for USD 125.00 has been issued.", "delivered"))));
        HttpResponse<String> lookup = hub().postAdmin("/admin/sms-messages/" + key + "/lookup");

        assertThat(lookup.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(lookup.body()).path("outcome").asText()).isEqualTo("found");
        assertThat(jdbc.queryForMap("SELECT provider_msg_id, status FROM sms_messages WHERE idempotency_key = ?", key))
                .containsEntry("provider_msg_id", "SM104").containsEntry("status", "delivered");
        assertThat(sideEffectStatus(key)).isEqualTo("succeeded");
        assertThat(jdbc.queryForObject("SELECT result_ref FROM idempotency_keys WHERE idempotency_key = ?",
                String.class, key)).isEqualTo("SM104");
        assertThat(jdbc.queryForList("SELECT operator || ' ' || action || ' ' || outcome FROM sms_operator_actions "
                + "WHERE idempotency_key = ?", String.class, key)).containsExactly("admin lookup found");
        assertThat(sent(to)).isEqualTo(1);
    }

    @Test
    void workerThatDiedAfterTheRequestLeftIsLookedUpByTheRelayNotResent() {
        String to = "+15550000105";
        TWILIO.stubFor(send(to).willReturn(aResponse().withStatus(502)));
        String id = invoiceId();
        String key = id + ":sms-invoice-issued";
        hub().postInvoice(HubClient.invoiceJson(id, "USD", 12500, to));
        awaitSms(key, "unknown");
        TWILIO.stubFor(get(urlPathEqualTo(MESSAGES)).withQueryParam("To", equalTo(to)).willReturn(page(
                message("SM105", to, "Hi Ada Lovelace, invoice " + id + " for USD 125.00 has been issued.", "sent"))));

        // the state a crash between the POST and the recording leaves: claimed long ago, still in progress
        jdbc.update("UPDATE idempotency_keys SET status = 'in_progress', claimed_at = ?, completed_at = NULL, "
                + "dispatched_at = NULL WHERE idempotency_key = ?", OffsetDateTime.now().minusHours(1), key);
        jdbc.update("UPDATE sms_messages SET status = 'sending' WHERE idempotency_key = ?", key);

        await().atMost(Duration.ofSeconds(20)).until(() -> "succeeded".equals(sideEffectStatus(key)));
        assertThat(jdbc.queryForObject("SELECT provider_msg_id FROM sms_messages WHERE idempotency_key = ?",
                String.class, key)).isEqualTo("SM105");
        assertThat(sent(to)).isEqualTo(1);
    }

    @Test
    void lookupNotFoundKeepsItUnknownAndADeliberateResendSendsOnceMore() throws Exception {
        String to = "+15550000106";
        TWILIO.stubFor(send(to).inScenario("resend").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("failed-once"));
        TWILIO.stubFor(send(to).inScenario("resend").whenScenarioStateIs("failed-once").willReturn(created("SM106")));
        TWILIO.stubFor(get(urlPathEqualTo(MESSAGES)).withQueryParam("To", equalTo(to)).willReturn(page()));
        String id = invoiceId();
        String key = id + ":sms-invoice-issued";
        hub().postInvoice(HubClient.invoiceJson(id, "USD", 12500, to));
        awaitSms(key, "unknown");

        JsonNode lookup = JSON.readTree(hub().postAdmin("/admin/sms-messages/" + key + "/lookup").body());
        assertThat(lookup.path("outcome").asText()).isEqualTo("not-found");
        assertThat(lookup.path("status").asText()).isEqualTo("unknown");
        assertThat(sms(key)).isEqualTo("unknown");

        JsonNode resend = JSON.readTree(hub().postAdmin("/admin/sms-messages/" + key + "/resend").body());
        assertThat(resend.path("outcome").asText()).isEqualTo("resent");
        awaitSms(key, "queued");
        assertThat(sent(to)).isEqualTo(2);
        assertThat(sideEffectStatus(key)).isEqualTo("succeeded");
        assertThat(jdbc.queryForList("SELECT operator || ' ' || action || ' ' || outcome FROM sms_operator_actions "
                        + "WHERE idempotency_key = ? ORDER BY id", String.class, key))
                .containsExactly("admin lookup not-found", "admin resend not-found", "admin resend resent");

        JsonNode again = JSON.readTree(hub().postAdmin("/admin/sms-messages/" + key + "/resend").body());
        assertThat(again.path("outcome").asText()).isEqualTo("not-resendable");
        awaitSmsQueueEmpty();
        assertThat(sent(to)).isEqualTo(2);
    }
}
