package io.financehub.payment.adapter;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.financehub.sideeffect.application.VendorOutcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The adapter against a WireMock Stripe: what goes over the wire, and how each answer maps to an outcome. */
class StripePaymentGatewayTest extends StripePaymentGatewayBase {

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
    void liveModeWithoutApiKeyRefusesToStart() {
        StripeProperties noKey = new StripeProperties("live", STRIPE.baseUrl(), "", List.of(), 300,
                Duration.ofSeconds(1), Duration.ofSeconds(1));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StripePaymentIntents.live(noKey))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("HUB_STRIPE_API_KEY");
    }
}
