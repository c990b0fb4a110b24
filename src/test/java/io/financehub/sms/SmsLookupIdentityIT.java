package io.financehub.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.financehub.payment.application.PaymentEventService;
import io.financehub.payment.domain.PaymentEvent;
import io.financehub.support.HubClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;


import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.financehub.sms.LiveTwilioIntegrationBase.MESSAGES;
import static io.financehub.sms.LiveTwilioIntegrationBase.created;
import static io.financehub.sms.LiveTwilioIntegrationBase.invoiceId;
import static io.financehub.sms.LiveTwilioIntegrationBase.message;
import static io.financehub.sms.LiveTwilioIntegrationBase.page;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lookup at Twilio finds messages by recipient, time and text, and two SMS can share all three (two partial refunds
 * of the same amount): a message already recorded for one key must never settle another.
 */
class SmsLookupIdentityIT extends LiveTwilioIntegrationBase {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    PaymentEventService paymentEvents;

    @Test
    void anUnknownSecondRefundSmsIsNotSettledWithTheFirstRefundsMessage() throws Exception {
        String to = "+15550000301";
        String id = invoiceId();
        TWILIO.stubFor(send(to).withFormParam("Body", containing("issued")).willReturn(created("SM301i")));
        TWILIO.stubFor(send(to).withFormParam("Body", containing("we received")).willReturn(created("SM301p")));
        TWILIO.stubFor(send(to).withFormParam("Body", containing("refunded")).inScenario("refunds")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(created("SM301r1")).willSetStateTo("one-sent"));
        TWILIO.stubFor(send(to).withFormParam("Body", containing("refunded")).inScenario("refunds")
                .whenScenarioStateIs("one-sent").willReturn(aResponse().withStatus(500)));
        assertThat(hub().postInvoice(HubClient.invoiceJson(id, "USD", 12500, to)).statusCode()).isEqualTo(202);
        paymentEvents.apply(new PaymentEvent("evt_paid_" + id, PaymentEvent.Type.PAYMENT_SUCCEEDED, id, null, 0));
        // two partial refunds of USD 20.00: the charge's cumulative amount_refunded goes 2000, then 4000
        String first = id + ":sms-refund:evt_r1_" + id;
        String second = id + ":sms-refund:evt_r2_" + id;
        paymentEvents.apply(new PaymentEvent("evt_r1_" + id, PaymentEvent.Type.CHARGE_REFUNDED, id, null, 2000));
        awaitSideEffect(first, "succeeded");
        paymentEvents.apply(new PaymentEvent("evt_r2_" + id, PaymentEvent.Type.CHARGE_REFUNDED, id, null, 4000));
        awaitSideEffect(second, "unknown");
        String text = jdbc.queryForObject("SELECT payload FROM sms_messages WHERE idempotency_key = ?", String.class,
                second);
        assertThat(jdbc.queryForObject("SELECT payload FROM sms_messages WHERE idempotency_key = ?", String.class,
                first)).as("both refunds render the same text").isEqualTo(text);
        // Twilio has only the first refund's message: the second never reached it
        TWILIO.stubFor(get(urlPathEqualTo(MESSAGES)).withQueryParam("To", equalTo(to)).willReturn(page(
                message("SM301r1", to, text, "delivered"))));

        JsonNode lookup = JSON.readTree(hub().postAdmin("/admin/sms-messages/" + second + "/lookup").body());

        assertThat(lookup.path("outcome").asText()).as(lookup.toString()).isEqualTo("not-found");
        assertThat(jdbc.queryForMap("SELECT provider_msg_id, status FROM sms_messages WHERE idempotency_key = ?",
                second)).containsEntry("provider_msg_id", null).containsEntry("status", "unknown");
        assertThat(sideEffectStatus(second)).isEqualTo("unknown");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sms_messages WHERE provider_msg_id = 'SM301r1'",
                Integer.class)).isEqualTo(1);
    }
}
