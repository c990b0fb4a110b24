package io.financehub.payment.adapter;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.financehub.payment.application.PaymentGateway;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Finding an invoice's payment intent again through Stripe's search API, after an unknown outcome. */
class StripePaymentIntentSearchTest extends StripePaymentGatewayBase {

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
}
