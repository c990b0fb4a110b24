package io.financehub.payment.adapter;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeSearchResult;
import com.stripe.net.FormEncoder;
import com.stripe.net.RequestOptions;
import com.stripe.net.StripeResponse;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentSearchParams;
import io.financehub.payment.application.PaymentGateway;
import io.financehub.sideeffect.application.VendorExchange;
import io.financehub.sideeffect.application.VendorOutcome;

import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;

/**
 * {@link PaymentGateway} on Stripe's API ({@code HUB_STRIPE_MODE=live}) through stripe-java.
 *
 * <p>One {@link StripeClient} on one pooled {@link JdkStripeHttpClient} serves every call. The SDK's own network
 * retries are off: the hub's side-effect executor decides retries and always resends under the same
 * {@code Idempotency-Key}, so Stripe answers a repeated request with the first result instead of a second
 * PaymentIntent.
 */
public class StripePaymentGateway implements PaymentGateway {

    static final String CREATE_PATH = "/v1/payment_intents";
    /** One invoice has one intent; a few more leave room for intents created outside the hub. */
    static final long SEARCH_LIMIT = 10;

    private final StripeClient client;
    private final String endpoint;
    private final SecretMask mask;

    public StripePaymentGateway(StripeProperties properties) {
        if (properties.apiKey() == null || properties.apiKey().isBlank()) {
            throw new IllegalStateException("HUB_STRIPE_MODE=live needs HUB_STRIPE_API_KEY");
        }
        String apiBase = properties.apiBase().replaceAll("/+$", "");
        this.client = StripeClient.builder()
                .setApiKey(properties.apiKey())
                .setApiBase(apiBase)
                .setConnectTimeout(millis(properties.connectTimeout()))
                .setReadTimeout(millis(properties.readTimeout()))
                .setMaxNetworkRetries(0)
                .setHttpClient(new JdkStripeHttpClient(properties.connectTimeout(), properties.readTimeout()))
                .build();
        this.endpoint = apiBase + CREATE_PATH;
        this.mask = new SecretMask(properties.apiKey());
    }

    @Override
    public VendorOutcome createPaymentIntent(PaymentIntentRequest request) {
        PaymentIntentCreateParams params = params(request);
        RequestOptions options = RequestOptions.builder().setIdempotencyKey(request.idempotencyKey()).build();
        String requestText = describe(params, request.idempotencyKey());
        try {
            PaymentIntent intent = client.v1().paymentIntents().create(params, options);
            StripeResponse response = intent.getLastResponse();
            String body = response == null ? intent.toJson() : response.body();
            return new VendorOutcome.Succeeded(intent.getId(),
                    new VendorExchange(requestText, mask.apply(body), response == null ? null : response.code()));
        } catch (StripeException e) {
            return StripeErrorClassifier.classify(e, requestText, endpoint, mask);
        }
    }

    /**
     * {@code GET /v1/payment_intents/search?query=metadata['invoice_id']:'...'}. Stripe's search index lags writes by
     * up to a minute (an hour in incidents), which is why the handler only asks long after the earlier attempt.
     */
    @Override
    public Optional<String> findPaymentIntent(String invoiceId) {
        PaymentIntentSearchParams params = PaymentIntentSearchParams.builder()
                .setQuery("metadata['invoice_id']:" + quoted(invoiceId))
                .setLimit(SEARCH_LIMIT)
                .build();
        try {
            StripeSearchResult<PaymentIntent> found = client.v1().paymentIntents().search(params);
            return found.getData().stream()
                    .min(Comparator.comparing(PaymentIntent::getCreated, Comparator.nullsLast(Comparator.naturalOrder())))
                    .map(PaymentIntent::getId);
        } catch (StripeException e) {
            throw new LookupFailedException("Stripe search failed (" + mask.apply(e.getClass().getSimpleName() + ": "
                    + e.getMessage()) + ")", e);
        }
    }

    /** A string literal of Stripe's search query language. */
    static String quoted(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    static PaymentIntentCreateParams params(PaymentIntentRequest request) {
        PaymentIntentCreateParams.Builder builder = PaymentIntentCreateParams.builder()
                .setAmount(request.amount().amountMinor())
                .setCurrency(request.amount().currency().toLowerCase(java.util.Locale.ROOT))
                .putMetadata("invoice_id", request.invoiceId());
        if (request.description() != null && !request.description().isBlank()) {
            builder.setDescription(request.description());
        }
        return builder.build();
    }

    /** The request as it goes over the wire (form body as stripe-java encodes it), with the API key masked. */
    private String describe(PaymentIntentCreateParams params, String idempotencyKey) {
        return "POST " + endpoint + "\nAuthorization: Bearer " + SecretMask.MASKED + "\nIdempotency-Key: "
                + idempotencyKey + "\n\n" + mask.apply(FormEncoder.createQueryString(params.toMap()));
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }
}
