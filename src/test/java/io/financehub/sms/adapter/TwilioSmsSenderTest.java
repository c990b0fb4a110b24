package io.financehub.sms.adapter;

import io.financehub.sms.application.SmsSender;
import io.financehub.sideeffect.application.VendorOutcome;
import io.financehub.support.VendorRoutes;
import io.financehub.support.HubIntegrationBase;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The live Twilio adapter against WireMock: request shape, one request per call, and how each failure is judged. */
class TwilioSmsSenderTest extends TwilioSmsSenderBase {

    @Test
    void sendsOneFormPostWithBasicAuthAndTheDocumentedFields() {
        twilio.stubFor(post(MESSAGES).willReturn(created("SM0001", "queued")));

        VendorOutcome outcome = sender.send(request("INV-1:sms-invoice-issued", "Hi Ada, USD 125.00"));

        assertThat(outcome).isInstanceOf(VendorOutcome.Succeeded.class);
        assertThat(((VendorOutcome.Succeeded) outcome).reference()).isEqualTo("SM0001");
        assertThat(outcome.exchange().request()).contains("To=+1555***4567").doesNotContain(TO).doesNotContain(TOKEN);
        twilio.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES))
                .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials(SID, TOKEN))
                .withHeader("Content-Type", matching("application/x-www-form-urlencoded.*"))
                .withFormParam("To", equalTo(TO))
                .withFormParam("From", equalTo(FROM))
                .withFormParam("Body", equalTo("Hi Ada, USD 125.00"))
                .withFormParam("StatusCallback", equalTo(CALLBACK)));
    }

    @Test
    void serverErrorIsSentExactlyOnceAndLeavesTheOutcomeUnknown() {
        twilio.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(500).withHeader("Content-Type",
                "application/json").withBody("{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}")));

        VendorOutcome outcome = sender.send(request("INV-2:sms-invoice-issued", "body"));

        assertThat(outcome).isInstanceOf(VendorOutcome.Unknown.class);
        assertThat(outcome.exchange().httpStatus()).isEqualTo(500);
        twilio.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)));
    }

    @Test
    void unavailableWithoutTwilioBodyIsSentOnceAndUnknownWithItsStatus() {
        twilio.stubFor(post(MESSAGES).willReturn(aResponse().withStatus(503).withBody("<html>busy</html>")));

        VendorOutcome outcome = sender.send(request("INV-3:sms-invoice-issued", "body"));

        assertThat(outcome).isInstanceOf(VendorOutcome.Unknown.class);
        assertThat(outcome.exchange().httpStatus()).isEqualTo(503);
        twilio.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)));
    }

    @Test
    void invalidNumberIsRefusedForGood() {
        twilio.stubFor(post(MESSAGES).willReturn(twilioError(400, 21211, "The 'To' number " + TO + " is not a valid phone number.")));

        VendorOutcome outcome = sender.send(request("INV-4:sms-invoice-issued", "body"));

        assertThat(outcome).isInstanceOf(VendorOutcome.Rejected.class);
        assertThat(((VendorOutcome.Rejected) outcome).code()).isEqualTo("21211");
        assertThat(outcome.exchange().response()).contains("21211");
        twilio.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)));
    }

    @Test
    void unsubscribedRecipientIsRefusedForGood() {
        twilio.stubFor(post(MESSAGES).willReturn(twilioError(400, 21610, "Attempt to send to unsubscribed recipient")));

        VendorOutcome outcome = sender.send(request("INV-5:sms-invoice-issued", "body"));

        assertThat(((VendorOutcome.Rejected) outcome).code()).isEqualTo("21610");
    }

    @Test
    void tooManyRequestsIsRetryableAndNotRetriedByTheClient() {
        twilio.stubFor(post(MESSAGES).willReturn(twilioError(429, 20429, "Too Many Requests")
                .withHeader("Retry-After", "1")));

        VendorOutcome outcome = sender.send(request("INV-6:sms-invoice-issued", "body"));

        assertThat(outcome).isInstanceOf(VendorOutcome.Retryable.class);
        twilio.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)));
    }

    @Test
    void readTimeoutAfterTheRequestArrivedIsUnknown() {
        twilio.stubFor(post(MESSAGES).willReturn(created("SM0007", "queued").withFixedDelay((int) TIMEOUT.toMillis() * 2)));

        VendorOutcome outcome = sender.send(request("INV-7:sms-invoice-issued", "body"));

        assertThat(outcome).isInstanceOf(VendorOutcome.Unknown.class);
        assertThat(((VendorOutcome.Unknown) outcome).message()).contains("Timeout");
        twilio.verify(1, postRequestedFor(urlPathEqualTo(MESSAGES)));
    }

    @Test
    void refusedConnectionSentNothingAndIsRetryable() {
        CamelContext other = new DefaultCamelContext();
        other.start();
        try {
            SmsSender unreachable = TwilioSmsSender.onCamel(other, other.createProducerTemplate(),
                    properties("http://127.0.0.1:" + HubIntegrationBase.freePort(), TIMEOUT));
            VendorRoutes.add(other, Map.of(), "twilio-send-sms");

            VendorOutcome outcome = unreachable.send(request("INV-8:sms-invoice-issued", "body"));

            assertThat(outcome).isInstanceOf(VendorOutcome.Retryable.class);
            assertThat(((VendorOutcome.Retryable) outcome).message()).contains("could not connect");
        } finally {
            other.stop();
        }
    }

    @Test
    void liveModeNeedsCredentials() {
        assertThatThrownBy(() -> TwilioSmsSender.onCamel(camel, camel.createProducerTemplate(),
                new TwilioProperties("live", "http://127.0.0.1:1", SID, "", FROM, null, null, null, null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("HUB_TWILIO_AUTH_TOKEN");
    }
}
