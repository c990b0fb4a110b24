package io.financehub.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Stripe and Twilio as the soak's outside observers: one WireMock server answering {@code POST /v1/payment_intents}
 * like Stripe test mode and {@code POST .../Messages.json} like Twilio, and counting what the replicas sent.
 * Both vendors are outside the hub's crash domain, so what they received is what happened.
 */
public final class SoakVendors implements AutoCloseable {

    public static final String STRIPE_API_KEY = "sk_test_soak51HxQ2eZvKYlo2C0123456789";
    public static final String TWILIO_SID = "AC22222222222222222222222222222222";
    static final String PAYMENT_INTENTS = "/v1/payment_intents";
    static final String MESSAGES = "/2010-04-01/Accounts/" + TWILIO_SID + "/Messages.json";

    private final WireMockServer server = new WireMockServer(options().dynamicPort().containerThreads(64)
            .jettyAcceptors(2).asynchronousResponseEnabled(true).asynchronousResponseThreads(16));

    public SoakVendors() {
        server.start();
        server.stubFor(post(urlEqualTo(PAYMENT_INTENTS)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("Request-Id", "req_soak")
                .withTransformers("response-template")
                .withBody("{\"id\":\"pi_{{randomValue length=24 type='ALPHANUMERIC'}}\",\"object\":\"payment_intent\","
                        + "\"status\":\"requires_payment_method\",\"livemode\":false}")));
        server.stubFor(post(urlPathEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withTransformers("response-template")
                .withBody("{\"sid\":\"SM{{randomValue length=32 type='HEXADECIMAL'}}\",\"account_sid\":\""
                        + TWILIO_SID + "\",\"status\":\"queued\",\"num_segments\":\"1\"}")));
        WireMockWarmUp.warmUp(server);
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /**
     * Requests to create a PaymentIntent, per {@code Idempotency-Key}. Stripe answers every repeat of a key with the
     * PaymentIntent the first one created, so the keys are the PaymentIntents.
     */
    public Map<String, Long> paymentIntentRequestsByKey() {
        return count(server.findAll(postRequestedFor(urlEqualTo(PAYMENT_INTENTS))),
                r -> String.valueOf(r.getHeader("Idempotency-Key")));
    }

    /** SMS sends per recipient and text: Twilio has no idempotency key, every request is a message. */
    public Map<String, Long> smsSendsByRecipientAndText() {
        return count(server.findAll(postRequestedFor(urlPathEqualTo(MESSAGES))), r -> {
            Map<String, String> form = form(r.getBodyAsString());
            return form.get("To") + " " + form.get("Body");
        });
    }

    private static Map<String, Long> count(List<LoggedRequest> requests, Function<LoggedRequest, String> key) {
        return requests.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    @Override
    public void close() {
        server.stop();
    }
}
