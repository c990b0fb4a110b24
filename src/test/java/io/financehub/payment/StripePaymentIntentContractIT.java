package io.financehub.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.financehub.support.HubClient;
import io.financehub.support.LiveStripeIntegrationBase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Contract section 4's payment row against a WireMock Stripe, through the whole hub: command → key claimed →
 * payments queue → stripe-java → {@code payment_attempts} → retry or dead letter.
 */
class StripePaymentIntentContractIT extends LiveStripeIntegrationBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void requestCarriesFormFieldsIdempotencyKeyAndBearerKey() {
        String id = newInvoiceId();

        assertThat(hub().postInvoice(HubClient.invoiceJson(id, "USD", 12500, null)).statusCode()).isEqualTo(202);

        awaitStatus(paymentKey(id), "succeeded");
        LoggedRequest sent = stripeRequests(paymentKey(id)).get(0);
        assertThat(stripeRequests(paymentKey(id))).hasSize(1);
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + STRIPE_API_KEY);
        assertThat(sent.getHeader("Idempotency-Key")).isEqualTo(id + ":create-payment-intent");
        assertThat(sent.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(sent.formParameters().get("amount").firstValue()).isEqualTo("12500");
        assertThat(sent.formParameters().get("currency").firstValue()).isEqualTo("usd");
        assertThat(sent.formParameters().get("metadata[invoice_id]").firstValue()).isEqualTo(id);
        assertThat(sent.formParameters().get("description").firstValue()).isEqualTo("Consulting, March");

        Map<String, Object> attempt = jdbc.queryForMap("SELECT * FROM payment_attempts WHERE invoice_id = ?", id);
        assertThat(attempt.get("status")).isEqualTo("succeeded");
        assertThat(attempt.get("idempotency_key")).isEqualTo(paymentKey(id));
        assertThat(attempt.get("http_status")).isEqualTo(200);
        assertThat((String) attempt.get("payment_intent_id")).startsWith("pi_");
        assertThat((String) attempt.get("request")).contains("Idempotency-Key: " + paymentKey(id),
                "amount=12500", "currency=usd", "Authorization: Bearer [masked]");
        assertThat((String) attempt.get("response")).contains((String) attempt.get("payment_intent_id"));
        assertThat(jdbc.queryForObject("SELECT payment_intent_id FROM invoices WHERE invoice_id = ?", String.class, id))
                .isEqualTo(attempt.get("payment_intent_id"));
        assertNoApiKeyStoredFor(id);
    }

    @Test
    void serverErrorIsRetriedUnderTheSameKey() {
        String id = newInvoiceId();
        failFirstThenSucceed(id, aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"type\":\"api_error\",\"message\":\"Something went wrong on Stripe's end.\"}}"));

        hub().postInvoice(HubClient.invoiceJson(id, "EUR", 4200, null));

        awaitStatus(paymentKey(id), "succeeded");
        assertRetriedOnceUnderOneKey(id);
        assertThat(jdbc.queryForList("SELECT http_status FROM payment_attempts WHERE invoice_id = ? ORDER BY attempt",
                Integer.class, id)).containsExactly(500, 200);
        assertNoApiKeyStoredFor(id);
    }

    @Test
    void timeoutIsRetriedUnderTheSameKey() {
        String id = newInvoiceId();
        // longer than hub.stripe.read-timeout: the hub cannot know whether Stripe created the intent
        failFirstThenSucceed(id, aResponse().withStatus(200).withFixedDelay((int) READ_TIMEOUT.toMillis() + 1500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"pi_too_late\",\"object\":\"payment_intent\"}"));

        hub().postInvoice(HubClient.invoiceJson(id, "USD", 990, null));

        awaitStatus(paymentKey(id), "succeeded");
        assertRetriedOnceUnderOneKey(id);
        assertThat(jdbc.queryForObject("SELECT response FROM payment_attempts WHERE invoice_id = ? AND attempt = 1",
                String.class, id)).contains("timed out");
        assertNoApiKeyStoredFor(id);
    }

    @Test
    void cardErrorIsRecordedAsFailedAndNotRetried() throws Exception {
        String id = newInvoiceId();
        answerFor(id, aResponse().withStatus(402).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"type\":\"card_error\",\"code\":\"card_declined\",\"decline_code\":"
                        + "\"generic_decline\",\"message\":\"Your card was declined.\"}}"));

        hub().postInvoice(HubClient.invoiceJson(id, "USD", 12500, null));

        assertRecordedAsFailedOnce(id, "card_declined", 402);
    }

    @Test
    void invalidRequestIsRecordedAsFailedAndNotRetried() throws Exception {
        String id = newInvoiceId();
        answerFor(id, aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"amount_too_small\",\"param\":"
                        + "\"amount\",\"message\":\"Amount must be at least $0.50 usd\"}}"));

        hub().postInvoice(HubClient.invoiceJson(id, "USD", 1, null));

        assertRecordedAsFailedOnce(id, "amount_too_small", 400);
    }

    private void assertRecordedAsFailedOnce(String id, String code, int httpStatus) throws Exception {
        awaitStatus(paymentKey(id), "failed");
        Map<String, Object> attempt = jdbc.queryForMap("SELECT * FROM payment_attempts WHERE invoice_id = ?", id);
        assertThat(attempt.get("status")).isEqualTo("failed");
        assertThat(attempt.get("error_code")).isEqualTo(code);
        assertThat(attempt.get("http_status")).isEqualTo(httpStatus);
        assertThat((String) attempt.get("response")).contains(code);

        JsonNode letters = JSON.readTree(hub().getAdmin("/admin/dead-letters?limit=1000").body()).get("items");
        List<JsonNode> mine = stream(letters).filter(l -> paymentKey(id).equals(l.path("idempotencyKey").asText()))
                .toList();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("queue").asText()).isEqualTo("hub.side-effects.payments");
        assertThat(mine.get(0).get("reason").asText()).contains(code);
        assertThat(mine.get(0).get("attempts").asInt()).isEqualTo(1);

        // a final status is never claimed again, so no later delivery can reach Stripe a second time
        assertThat(stripeRequests(paymentKey(id))).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT attempts FROM idempotency_keys WHERE idempotency_key = ?",
                Integer.class, paymentKey(id))).isEqualTo(1);
        assertNoApiKeyStoredFor(id);
    }

    private void assertRetriedOnceUnderOneKey(String id) {
        // every request that carried this invoice, whatever its key: all must carry the same one
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(STRIPE.findAll(
                postRequestedFor(urlEqualTo(PAYMENT_INTENTS)).withFormParam("metadata[invoice_id]", equalTo(id))))
                .hasSize(2));
        assertThat(STRIPE.findAll(postRequestedFor(urlEqualTo(PAYMENT_INTENTS))
                .withFormParam("metadata[invoice_id]", equalTo(id))))
                .extracting(r -> r.getHeader("Idempotency-Key")).containsOnly(paymentKey(id));
        assertThat(jdbc.queryForList("SELECT status FROM payment_attempts WHERE invoice_id = ? ORDER BY attempt",
                String.class, id)).containsExactly("retrying", "succeeded");
        assertThat(jdbc.queryForList("SELECT idempotency_key FROM payment_attempts WHERE invoice_id = ?",
                String.class, id)).containsOnly(paymentKey(id));
        assertThat(jdbc.queryForObject("SELECT attempts FROM idempotency_keys WHERE idempotency_key = ?",
                Integer.class, paymentKey(id))).isEqualTo(2);
    }

    private void assertNoApiKeyStoredFor(String id) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT request, response, error_code FROM payment_attempts "
                + "WHERE invoice_id = ?", id);
        assertThat(rows).isNotEmpty();
        rows.forEach(row -> row.values().forEach(v -> assertThat(String.valueOf(v)).doesNotContain(STRIPE_API_KEY)));
        assertThat(jdbc.queryForList("SELECT COALESCE(last_error, '') FROM idempotency_keys WHERE invoice_id = ?",
                String.class, id)).allSatisfy(v -> assertThat(v).doesNotContain(STRIPE_API_KEY));
        assertThat(jdbc.queryForList("SELECT reason FROM dead_letters WHERE idempotency_key = ?", String.class,
                paymentKey(id))).allSatisfy(v -> assertThat(v).doesNotContain(STRIPE_API_KEY));
    }

    private static void failFirstThenSucceed(String id, ResponseDefinitionBuilder failure) {
        String scenario = "retry-" + id;
        STRIPE.stubFor(post(urlEqualTo(PAYMENT_INTENTS)).atPriority(1)
                .withHeader("Idempotency-Key", equalTo(paymentKey(id)))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("failed-once")
                .willReturn(failure));
        STRIPE.stubFor(post(urlEqualTo(PAYMENT_INTENTS)).atPriority(1)
                .withHeader("Idempotency-Key", equalTo(paymentKey(id)))
                .inScenario(scenario).whenScenarioStateIs("failed-once")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"pi_" + id.replace("-", "") + "\",\"object\":\"payment_intent\","
                                + "\"status\":\"requires_payment_method\"}")));
    }

    private static void answerFor(String id, ResponseDefinitionBuilder response) {
        STRIPE.stubFor(post(urlEqualTo(PAYMENT_INTENTS)).atPriority(1)
                .withHeader("Idempotency-Key", equalTo(paymentKey(id))).willReturn(response));
    }

    private void awaitStatus(String key, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(sideEffectStatus(key)).isEqualTo(status));
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }

    private static String newInvoiceId() {
        return "INV-ST-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
