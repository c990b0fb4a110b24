package io.financehub.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Base of the tests that need the hub in {@code HUB_STRIPE_MODE=live} against a WireMock Stripe, with the embedded
 * broker's TCP acceptor requiring {@code HUB_BROKER_USER}/{@code HUB_BROKER_PASSWORD}, and test-only poison
 * commands ({@link PoisonCommandInjection}). Every subclass shares one application context and one WireMock
 * server; tests use invoice ids of their own and look at the stub's requests per idempotency key.
 */
@Import(PoisonCommandInjection.class)
public abstract class LiveStripeIntegrationBase extends HubIntegrationBase {

    public static final String STRIPE_API_KEY = "sk_test_hubContract51HxQ2eZvKYlo2C0123456789";
    public static final String BROKER_USER = "hub-client";
    public static final String BROKER_PASSWORD = "test-broker-password";
    public static final String PAYMENT_INTENTS = "/v1/payment_intents";
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(8);

    /** Stripe's stand-in, started once per test JVM; its default stub answers like Stripe test mode. */
    protected static final WireMockServer STRIPE = startStripe();

    @Autowired
    protected JdbcTemplate jdbc;

    @Value("${hub.broker.embedded-port}")
    protected int brokerPort;

    @DynamicPropertySource
    static void liveStripe(DynamicPropertyRegistry registry) {
        registry.add("hub.stripe.mode", () -> "live");
        registry.add("hub.stripe.api-base", STRIPE::baseUrl);
        registry.add("hub.stripe.api-key", () -> STRIPE_API_KEY);
        registry.add("hub.stripe.connect-timeout", () -> "2s");
        // generous for a loaded CI machine (a slower answer is retried, and the stub would count it twice);
        // the timeout test delays its answer beyond it
        registry.add("hub.stripe.read-timeout", () -> READ_TIMEOUT.toMillis() + "ms");
        // as in production, a claim's lease must outlast connect + read timeout, or a slow call is taken over
        registry.add("hub.side-effects.lease", () -> "60s");
        registry.add("hub.broker.user", () -> BROKER_USER);
        registry.add("hub.broker.password", () -> BROKER_PASSWORD);
    }

    protected JmsTestClient jms() {
        return new JmsTestClient(brokerUrl(), BROKER_USER, BROKER_PASSWORD);
    }

    protected String brokerUrl() {
        return "tcp://127.0.0.1:" + brokerPort;
    }

    /** Every PaymentIntent creation the stub received under this idempotency key. */
    protected static List<LoggedRequest> stripeRequests(String idempotencyKey) {
        return STRIPE.findAll(postRequestedFor(urlEqualTo(PAYMENT_INTENTS))
                .withHeader("Idempotency-Key", equalTo(idempotencyKey)));
    }

    protected static String paymentKey(String invoiceId) {
        return invoiceId + ":create-payment-intent";
    }

    protected String sideEffectStatus(String idempotencyKey) {
        return jdbc.query("SELECT status FROM idempotency_keys WHERE idempotency_key = ?",
                (rs, i) -> rs.getString(1), idempotencyKey).stream().findFirst().orElse(null);
    }

    private static WireMockServer startStripe() {
        WireMockServer server = new WireMockServer(options().dynamicPort().containerThreads(64)
                .jettyAcceptors(2).asynchronousResponseEnabled(true).asynchronousResponseThreads(16));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        // like Stripe test mode: a new PaymentIntent awaiting a payment method, its id derived from nothing we send
        server.stubFor(post(urlEqualTo(PAYMENT_INTENTS)).atPriority(10).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("Request-Id", "req_stub")
                .withTransformers("response-template")
                .withBody("{\"id\":\"pi_{{randomValue length=24 type='ALPHANUMERIC'}}\",\"object\":\"payment_intent\","
                        + "\"status\":\"requires_payment_method\",\"livemode\":false}")));
        return server;
    }
}
