package io.financehub.payment.adapter;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.financehub.invoice.domain.Money;
import io.financehub.payment.application.PaymentGateway.PaymentIntentRequest;
import io.financehub.support.VendorRoutes;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's tests share this: a WireMock Stripe, a gateway on it in live mode, and the answers it is given. */
abstract class StripePaymentGatewayBase {

    static final String API_KEY = "sk_test_unit_4eC39HqLyjWDarjtT1zdp7dc";
    /** One per test class, so that no class depends on a server another class stopped. */
    static WireMockServer STRIPE;

    private final List<CamelContext> contexts = new ArrayList<>();
    final StripePaymentGateway gateway = gatewayOn(properties(STRIPE.baseUrl(), Duration.ofSeconds(10)));

    @BeforeAll
    static void start() {
        STRIPE = new WireMockServer(options().dynamicPort());
        STRIPE.start();
    }

    @AfterAll
    static void stop() {
        STRIPE.stop();
    }

    @BeforeEach
    void reset() {
        STRIPE.resetAll();
    }

    @AfterEach
    void stopContexts() {
        contexts.forEach(CamelContext::stop);
    }

    /** A live gateway as the hub wires it: the Stripe routes on the {@code stripePaymentIntents} bean. */
    StripePaymentGateway gatewayOn(StripeProperties properties) {
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("stripePaymentIntents", StripePaymentIntents.live(properties));
        camel.start();
        contexts.add(camel);
        VendorRoutes.add(camel, Map.of(), "stripe-create-payment-intent", "stripe-search-payment-intents");
        return new StripePaymentGateway(camel.createProducerTemplate(), properties);
    }

    static void answer(int status, String body) {
        STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withHeader("Request-Id", "req_test").withBody(body)));
    }

    static LoggedRequest single() {
        List<LoggedRequest> requests = STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents")));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    static PaymentIntentRequest request(String invoiceId, long amountMinor, String currency) {
        return new PaymentIntentRequest(invoiceId, new Money(amountMinor, currency), "Consulting, March",
                invoiceId + ":create-payment-intent");
    }

    static StripeProperties properties(String apiBase, Duration readTimeout) {
        return new StripeProperties("live", apiBase, API_KEY, List.of(), 300, Duration.ofSeconds(1), readTimeout);
    }
}
