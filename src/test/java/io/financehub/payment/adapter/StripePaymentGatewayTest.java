package io.financehub.payment.adapter;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.financehub.payment.application.PaymentGateway;
import io.financehub.payment.application.PaymentGateway.PaymentIntentRequest;
import io.financehub.sideeffect.application.VendorOutcome;
import io.financehub.invoice.domain.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The adapter against a WireMock Stripe: what goes over the wire, and how each answer maps to an outcome. */
class StripePaymentGatewayTest {

    private static final String API_KEY = "sk_test_unit_4eC39HqLyjWDarjtT1zdp7dc";
    private static final WireMockServer STRIPE = new WireMockServer(options().dynamicPort());

    private final StripePaymentGateway gateway = new StripePaymentGateway(properties(STRIPE.baseUrl(),
            Duration.ofSeconds(10)));

    @BeforeAll
    static void start() {
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

    @Test
    void sendsFormFieldsIdempotencyKeyAndBearerKeyAndReturnsTheIntentId() {
        answer(200, "{\"id\":\"pi_123\",\"object\":\"payment_intent\",\"amount\":12500,\"currency\":\"usd\","
                + "\"status\":\"requires_payment_method\",\"metadata\":{\"invoice_id\":\"INV-1\"}}");

        VendorOutcome outcome = gateway.createPaymentIntent(request("INV-1", 12500, "USD"));

        assertThat(outcome).isInstanceOfSatisfying(VendorOutcome.Succeeded.class,
                s -> assertThat(s.reference()).isEqualTo("pi_123"));
        LoggedRequest sent = single();
        assertThat(sent.getHeader("Idempotency-Key")).isEqualTo("INV-1:create-payment-intent");
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + API_KEY);
        assertThat(sent.getHeaders().getHeader("Content-Type").values())
                .containsExactly("application/x-www-form-urlencoded;charset=UTF-8");
        assertThat(sent.getHeader("Stripe-Version")).isNotBlank();
        assertThat(sent.formParameters().get("amount").firstValue()).isEqualTo("12500");
        assertThat(sent.formParameters().get("currency").firstValue()).isEqualTo("usd");
        assertThat(sent.formParameters().get("metadata[invoice_id]").firstValue()).isEqualTo("INV-1");
        assertThat(sent.formParameters().get("description").firstValue()).isEqualTo("Consulting, March");
        assertThat(outcome.exchange().httpStatus()).isEqualTo(200);
        assertThat(outcome.exchange().response()).contains("pi_123");
        assertThat(outcome.exchange().request()).contains("Idempotency-Key: INV-1:create-payment-intent",
                "amount=12500", "currency=usd", "Authorization: Bearer [masked]").doesNotContain(API_KEY);
    }

    @Test
    void cardErrorIsRejectedWithStripesCode() {
        answer(402, "{\"error\":{\"type\":\"card_error\",\"code\":\"card_declined\",\"decline_code\":"
                + "\"insufficient_funds\",\"message\":\"Your card was declined.\"}}");

        VendorOutcome outcome = gateway.createPaymentIntent(request("INV-2", 100, "EUR"));

        assertThat(outcome).isInstanceOfSatisfying(VendorOutcome.Rejected.class, r -> {
            assertThat(r.code()).isEqualTo("card_declined");
            assertThat(r.message()).contains("Your card was declined", "insufficient_funds");
        });
        assertThat(outcome.exchange().httpStatus()).isEqualTo(402);
        assertThat(outcome.exchange().response()).contains("card_declined");
    }

    @Test
    void invalidRequestIsRejectedWithStripesCode() {
        answer(400, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"amount_too_small\","
                + "\"param\":\"amount\",\"message\":\"Amount must be at least $0.50 usd\"}}");

        VendorOutcome outcome = gateway.createPaymentIntent(request("INV-3", 1, "USD"));

        assertThat(outcome).isInstanceOfSatisfying(VendorOutcome.Rejected.class,
                r -> assertThat(r.code()).isEqualTo("amount_too_small"));
    }

    @Test
    void authenticationErrorIsRejectedAndTheEchoedKeyIsMasked() {
        answer(401, "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Invalid API Key provided: "
                + API_KEY + "\"}}");

        VendorOutcome outcome = gateway.createPaymentIntent(request("INV-4", 100, "USD"));

        assertThat(outcome).isInstanceOfSatisfying(VendorOutcome.Rejected.class, r -> {
            assertThat(r.code()).isEqualTo("invalid_request_error");
            assertThat(r.message()).doesNotContain(API_KEY).contains("[masked]");
        });
        assertThat(outcome.exchange().response()).doesNotContain(API_KEY);
    }

    @Test
    void keyReusedWithOtherParametersIsRejected() {
        answer(400, "{\"error\":{\"type\":\"idempotency_error\",\"message\":\"Keys for idempotent requests can "
                + "only be used with the same parameters they were first used with.\"}}");

        VendorOutcome outcome = gateway.createPaymentIntent(request("INV-5", 100, "USD"));

        assertThat(outcome).isInstanceOfSatisfying(VendorOutcome.Rejected.class,
                r -> assertThat(r.code()).isEqualTo("idempotency_error"));
    }

    @Test
    void serverErrorIsUnknown() {
        answer(500, "{\"error\":{\"type\":\"api_error\",\"message\":\"Something went wrong on Stripe's end.\"}}");

        VendorOutcome outcome = gateway.createPaymentIntent(request("INV-6", 100, "USD"));

        assertThat(outcome).isInstanceOf(VendorOutcome.Unknown.class);
        assertThat(outcome.exchange().httpStatus()).isEqualTo(500);
    }

    @Test
    void serverErrorWithoutJsonIsUnknown() {
        answer(502, "<html>Bad gateway</html>");

        assertThat(gateway.createPaymentIntent(request("INV-7", 100, "USD"))).isInstanceOf(VendorOutcome.Unknown.class);
    }

    @Test
    void rateLimitIsRetryable() {
        answer(429, "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"rate_limit\",\"message\":\"Too many requests\"}}");

        assertThat(gateway.createPaymentIntent(request("INV-8", 100, "USD"))).isInstanceOf(VendorOutcome.Retryable.class);
    }

    @Test
    void keyInUseByAConcurrentRequestIsRetryable() {
        answer(409, "{\"error\":{\"type\":\"idempotency_error\",\"code\":\"idempotency_key_in_use\",\"message\":"
                + "\"There is currently another in-progress request using this Idempotent Key\"}}");

        assertThat(gateway.createPaymentIntent(request("INV-9", 100, "USD"))).isInstanceOf(VendorOutcome.Retryable.class);
    }

    @Test
    void readTimeoutIsUnknownAndNamesTheConfiguredBase() {
        STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(200)
                .withFixedDelay(2000).withBody("{\"id\":\"pi_late\",\"object\":\"payment_intent\"}")));
        StripePaymentGateway impatient = new StripePaymentGateway(properties(STRIPE.baseUrl(), Duration.ofMillis(300)));

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
        StripePaymentGateway unreachable = new StripePaymentGateway(properties("http://127.0.0.1:" + closedPort,
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

    @Test
    void liveModeWithoutApiKeyRefusesToStart() {
        StripeProperties noKey = new StripeProperties("live", STRIPE.baseUrl(), "", List.of(), 300,
                Duration.ofSeconds(1), Duration.ofSeconds(1));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new StripePaymentGateway(noKey))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("HUB_STRIPE_API_KEY");
    }

    @Test
    void findsTheInvoicesEarliestPaymentIntentThroughTheSearchApi() {
        STRIPE.stubFor(get(urlPathEqualTo("/v1/payment_intents/search")).willReturn(okJson("{\"object\":"
                + "\"search_result\",\"url\":\"/v1/payment_intents/search\",\"has_more\":false,\"data\":["
                + intent("pi_later", 1700000500) + "," + intent("pi_first", 1700000100) + "]}")));

        assertThat(gateway.findPaymentIntent("INV-20")).contains("pi_first");

        LoggedRequest search = STRIPE.findAll(getRequestedFor(urlPathEqualTo("/v1/payment_intents/search"))).get(0);
        assertThat(search.queryParameter("query").firstValue()).isEqualTo("metadata['invoice_id']:'INV-20'");
        assertThat(search.getHeader("Authorization")).isEqualTo("Bearer " + API_KEY);
        assertThat(STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents")))).isEmpty();
    }

    @Test
    void searchWithoutResultsIsEmpty() {
        STRIPE.stubFor(get(urlPathEqualTo("/v1/payment_intents/search")).willReturn(okJson("{\"object\":"
                + "\"search_result\",\"url\":\"/v1/payment_intents/search\",\"has_more\":false,\"data\":[]}")));

        assertThat(gateway.findPaymentIntent("INV-21")).isEmpty();
    }

    @Test
    void searchThatStripeDoesNotAnswerFailsLoudlyAndMasksTheKey() {
        STRIPE.stubFor(get(urlPathEqualTo("/v1/payment_intents/search")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"type\":\"api_error\","
                        + "\"message\":\"key " + API_KEY + " broke\"}}")));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> gateway.findPaymentIntent("INV-22"))
                .isInstanceOf(PaymentGateway.LookupFailedException.class)
                .hasMessageNotContaining(API_KEY);
    }

    @Test
    void searchQueryQuotesTheValue() {
        assertThat(StripePaymentGateway.quoted("a'b\\c")).isEqualTo("'a\\'b\\\\c'");
    }

    private static String intent(String id, long created) {
        return "{\"id\":\"" + id + "\",\"object\":\"payment_intent\",\"created\":" + created
                + ",\"metadata\":{\"invoice_id\":\"INV-20\"}}";
    }

    private static void answer(int status, String body) {
        STRIPE.stubFor(post(urlEqualTo("/v1/payment_intents")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withHeader("Request-Id", "req_test").withBody(body)));
    }

    private static LoggedRequest single() {
        List<LoggedRequest> requests = STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/payment_intents")));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private static PaymentIntentRequest request(String invoiceId, long amountMinor, String currency) {
        return new PaymentIntentRequest(invoiceId, new Money(amountMinor, currency), "Consulting, March",
                invoiceId + ":create-payment-intent");
    }

    private static StripeProperties properties(String apiBase, Duration readTimeout) {
        return new StripeProperties("live", apiBase, API_KEY, List.of(), 300, Duration.ofSeconds(1), readTimeout);
    }
}
