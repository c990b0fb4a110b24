package io.financehub.payment.adapter;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeSearchResult;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentSearchParams;

import java.time.Duration;

/**
 * stripe-java's PaymentIntent calls, the bean {@code stripePaymentIntents} behind the routes of
 * {@code routes/stripe-create-payment-intent.camel.yaml}, {@code stripe-search-payment-intents.camel.yaml} (camel-stripe cannot send an {@code Idempotency-Key}).
 *
 * <p>One {@link StripeClient} on one pooled {@link JdkStripeHttpClient} serves every call. The SDK's own network
 * retries are off: the hub's side-effect executor decides retries and always resends under the same
 * {@code Idempotency-Key}, so Stripe answers a repeated request with the first result instead of a second
 * PaymentIntent. In sandbox mode the bean exists (the routes start in every mode) and refuses every call.
 */
public class StripePaymentIntents {

    private final StripeClient client;

    private StripePaymentIntents(StripeClient client) {
        this.client = client;
    }

    /** The live client for {@code properties}. */
    public static StripePaymentIntents live(StripeProperties properties) {
        return new StripePaymentIntents(liveClient(properties));
    }

    /**
     * The hub's stripe-java client for {@code properties}: {@code apiBase}, the timeouts, no network retries of its
     * own, the pooled JDK HTTP client. Shared with {@link StripeEvents}.
     */
    static StripeClient liveClient(StripeProperties properties) {
        if (properties.apiKey() == null || properties.apiKey().isBlank()) {
            throw new IllegalStateException("HUB_STRIPE_MODE=live needs HUB_STRIPE_API_KEY");
        }
        return StripeClient.builder()
                .setApiKey(properties.apiKey())
                .setApiBase(properties.apiBase().replaceAll("/+$", ""))
                .setConnectTimeout(millis(properties.connectTimeout()))
                .setReadTimeout(millis(properties.readTimeout()))
                .setMaxNetworkRetries(0)
                .setHttpClient(new JdkStripeHttpClient(properties.connectTimeout(), properties.readTimeout()))
                .build();
    }

    /** HUB_STRIPE_MODE=sandbox: the sandbox gateway answers; a call reaching Stripe here is a wiring error. */
    public static StripePaymentIntents disabled() {
        return new StripePaymentIntents(null);
    }

    /** {@code POST /v1/payment_intents} under {@code idempotencyKey}. */
    public PaymentIntent create(PaymentIntentCreateParams params, String idempotencyKey) throws StripeException {
        RequestOptions options = RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
        return client().v1().paymentIntents().create(params, options);
    }

    /** {@code GET /v1/payment_intents/search}. */
    public StripeSearchResult<PaymentIntent> search(PaymentIntentSearchParams params) throws StripeException {
        return client().v1().paymentIntents().search(params);
    }

    private StripeClient client() {
        if (client == null) {
            throw new IllegalStateException("HUB_STRIPE_MODE=sandbox: Stripe is not called");
        }
        return client;
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
