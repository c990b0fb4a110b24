package io.financehub.payment.adapter;

import com.github.tomakehurst.wiremock.http.Fault;
import io.financehub.sideeffect.application.VendorOutcome;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** When Stripe gives no answer: each such failure is an unknown outcome, and no layer resends the POST. */
class StripeTransportFailureTest extends StripePaymentGatewayBase {

    @Test
    void readTimeoutIsUnknownAndNamesTheConfiguredBase() {
        STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(2000).withBody("{\"id\":\"pi_late\",\"object\":\"payment_intent\"}")));
        StripePaymentGateway impatient = gatewayOn(properties(STRIPE.baseUrl(), Duration.ofMillis(300)));

        VendorOutcome outcome = impatient.createPaymentIntent(request("INV-10", 100, "USD"));

        assertThat(outcome).isInstanceOfSatisfying(VendorOutcome.Unknown.class,
                u -> assertThat(u.message()).contains(STRIPE.baseUrl(), "HttpTimeoutException"));
        assertThat(outcome.exchange().request()).contains("Idempotency-Key: INV-10:create-payment-intent");
    }

    @Test
    void connectionResetIsUnknown() {
        STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse()
                .withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThat(gateway.createPaymentIntent(request("INV-11", 100, "USD"))).isInstanceOf(VendorOutcome.Unknown.class);
        // one attempt is one request: nothing below the adapter may resend a POST behind the audit's back
        assertThat(STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents")))).hasSize(1);
    }

    @Test
    void emptyResponseIsUnknownAndNotResentByTheHttpClient() {
        STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        assertThat(gateway.createPaymentIntent(request("INV-14", 100, "USD"))).isInstanceOf(VendorOutcome.Unknown.class);
        assertThat(STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents")))).hasSize(1);
    }

    @Test
    void refusedConnectionIsUnknown() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        StripePaymentGateway unreachable = gatewayOn(properties("http://127.0.0.1:" + closedPort,
                Duration.ofSeconds(1)));

        assertThat(unreachable.createPaymentIntent(request("INV-12", 100, "USD")))
                .isInstanceOfSatisfying(VendorOutcome.Unknown.class,
                        u -> assertThat(u.message()).contains("ConnectException"));
    }

    @Test
    void sdkDoesNotRetryByItself() {
        answer(500, "{\"error\":{\"type\":\"api_error\",\"message\":\"boom\"}}");

        gateway.createPaymentIntent(request("INV-13", 100, "USD"));

        assertThat(STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents")))).hasSize(1);
    }
}
