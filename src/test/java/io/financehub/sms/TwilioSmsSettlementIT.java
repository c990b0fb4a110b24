package io.financehub.sms;

import com.fasterxml.jackson.databind.JsonNode;
import io.financehub.sms.adapter.MeteredSmsSettlement;
import io.financehub.support.HubClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Settlement of SMS whose status callback never came, against a WireMock Twilio message resource
 * ({@code GET .../Messages/{sid}.json}): a message left {@code sent} longer than HUB_RECOVERY_TWILIO_SETTLE_AFTER
 * (6 hours by default; the test ages the row) is fetched and settled {@code delivered} through a recovered status
 * callback, a fresh one is not fetched, and a Twilio outage (500, then a timeout) leaves the message for the next run.
 */
class TwilioSmsSettlementIT extends LiveTwilioIntegrationBase {

    @Autowired
    MeteredSmsSettlement scheduled;
    @Autowired
    MeterRegistry meters;

    @Test
    void aStaleSentSmsIsSettledDeliveredByTheFetchAndAFreshOneIsNotFetched() throws Exception {
        String stale = sentSms("+15550009701", "SM9701");
        String fresh = sentSms("+15550009702", "SM9702");
        age(stale, "sent", Duration.ofHours(7));
        TWILIO.stubFor(get(urlPathEqualTo(message("SM9701"))).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(message("SM9701", "+15550009701", "x", "delivered"))));

        HttpResponse<String> answer = hub().postAdmin("/admin/recovery/twilio");

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(answer.body());
        assertThat(report.path("settled").asInt()).isEqualTo(1);
        assertThat(report.path("error").isNull()).isTrue();
        awaitSms(stale, "delivered");
        assertThat(jdbc.queryForObject("SELECT source FROM webhook_events WHERE provider = 'twilio' AND event_id = ?",
                String.class, "SM9701:delivered")).isEqualTo("recovered");
        assertThat(sms(fresh)).isEqualTo("queued");
        TWILIO.verify(1, getRequestedFor(urlPathEqualTo(message("SM9701"))));
        TWILIO.verify(0, getRequestedFor(urlPathEqualTo(message("SM9702"))));
        // the settled message is no longer undecided: a second run fetches nothing more
        JsonNode again = JSON.readTree(hub().postAdmin("/admin/recovery/twilio").body());
        assertThat(again.path("checked").asInt()).isZero();
        TWILIO.verify(1, getRequestedFor(urlPathEqualTo(message("SM9701"))));
    }

    @Test
    void aTwilioOutageLeavesTheSmsForTheNextRun() throws Exception {
        String stale = sentSms("+15550009703", "SM9703");
        age(stale, "sent", Duration.ofHours(7));
        String resource = message("SM9703");
        TWILIO.stubFor(get(urlPathEqualTo(resource)).willReturn(aResponse().withStatus(500)));
        double failedBefore = runs("failed");

        HttpResponse<String> failed = hub().postAdmin("/admin/recovery/twilio");

        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.body()).contains("vendor_unavailable").contains("HTTP 500");
        assertThat(sms(stale)).isEqualTo("sent");
        assertThat(checkedAt(stale)).isNull();
        assertThat(runs("failed")).isEqualTo(failedBefore + 1);

        // Twilio answers too late (after HUB_TWILIO_TIMEOUT): the scheduled run gives up on it the same way
        TWILIO.stubFor(get(urlPathEqualTo(resource)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withFixedDelay((int) READ_TIMEOUT.toMillis() + 1500)
                .withBody(message("SM9703", "+15550009703", "x", "delivered"))));
        scheduled.runScheduled();
        assertThat(sms(stale)).isEqualTo("sent");
        assertThat(checkedAt(stale)).isNull();
        assertThat(runs("failed")).isEqualTo(failedBefore + 2);

        TWILIO.stubFor(get(urlPathEqualTo(resource)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(message("SM9703", "+15550009703", "x", "undelivered"))));
        double succeededBefore = runs("succeeded");
        scheduled.runScheduled();

        awaitSms(stale, "undelivered");
        assertThat(runs("succeeded")).isEqualTo(succeededBefore + 1);
    }

    /** An invoice-issued SMS Twilio accepted as {@code sid}, left {@code queued} (no callback ever comes). */
    String sentSms(String to, String sid) {
        TWILIO.stubFor(send(to).willReturn(created(sid)));
        String id = invoiceId();
        assertThat(hub().postInvoice(HubClient.invoiceJson(id, "USD", 12500, to)).statusCode()).isEqualTo(202);
        String key = id + ":sms-invoice-issued";
        awaitSms(key, "queued");
        return key;
    }

    /** As if the message had been in {@code status} for {@code age}. */
    void age(String key, String status, Duration age) {
        jdbc.update("UPDATE sms_messages SET status = ?, updated_at = ? WHERE idempotency_key = ?", status,
                Timestamp.from(Instant.now().minus(age)), key);
    }

    Object checkedAt(String key) {
        return jdbc.queryForObject("SELECT settle_checked_at FROM sms_messages WHERE idempotency_key = ?",
                Object.class, key);
    }

    double runs(String outcome) {
        return meters.get("hub.recovery.runs").tag("vendor", "twilio").tag("outcome", outcome).counter().count();
    }

    static String message(String sid) {
        return "/2010-04-01/Accounts/" + SID + "/Messages/" + sid + ".json";
    }
}
