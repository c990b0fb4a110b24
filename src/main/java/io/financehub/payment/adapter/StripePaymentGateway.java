package io.financehub.payment.adapter;

import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeSearchResult;
import com.stripe.net.FormEncoder;
import com.stripe.net.StripeResponse;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentSearchParams;
import io.financehub.payment.application.PaymentGateway;
import io.financehub.sideeffect.application.VendorExchange;
import io.financehub.sideeffect.application.VendorOutcome;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import java.util.Comparator;
import java.util.Optional;

/**
 * {@link PaymentGateway} on Stripe's API ({@code HUB_STRIPE_MODE=live}): each call goes through its route,
 * {@code direct:stripe-create-payment-intent} or {@code direct:stripe-search-payment-intents}
 * ({@code routes/stripe-create-payment-intent.camel.yaml}, {@code stripe-search-payment-intents.camel.yaml}), to stripe-java on the {@link StripePaymentIntents} bean, so
 * hawtio counts the Stripe calls per route. What goes on the wire is audited with the API key masked; a Stripe error
 * the route hands back is judged by {@link StripeErrorClassifier}.
 */
public class StripePaymentGateway implements PaymentGateway {

    static final String CREATE_PATH = "/v1/payment_intents";
    static final String CREATE_ROUTE = "direct:stripe-create-payment-intent";
    static final String SEARCH_ROUTE = "direct:stripe-search-payment-intents";
    /** One invoice has one intent; a few more leave room for intents created outside the hub. */
    static final long SEARCH_LIMIT = 10;

    private final ProducerTemplate producer;
    private final String endpoint;
    private final SecretMask mask;

    public StripePaymentGateway(ProducerTemplate producer, StripeProperties properties) {
        if (properties.apiKey() == null || properties.apiKey().isBlank()) {
            throw new IllegalStateException("HUB_STRIPE_MODE=live needs HUB_STRIPE_API_KEY");
        }
        this.producer = producer;
        this.endpoint = properties.apiBase().replaceAll("/+$", "") + CREATE_PATH;
        this.mask = new SecretMask(properties.apiKey());
    }

    @Override
    public String vendor() {
        return "stripe";
    }

    @Override
    public VendorOutcome createPaymentIntent(PaymentIntentRequest request) {
        PaymentIntentCreateParams params = params(request);
        String requestText = describe(params, request.idempotencyKey());
        Exchange result = producer.send(CREATE_ROUTE, exchange -> {
            exchange.getIn().setBody(params);
            exchange.getIn().setHeader("stripeIdempotencyKey", request.idempotencyKey());
        });
        if (result.getException() != null) {
            return StripeErrorClassifier.classify(stripeFailure(result.getException()), requestText, endpoint, mask);
        }
        PaymentIntent intent = result.getMessage().getBody(PaymentIntent.class);
        if (intent == null) {
            return new VendorOutcome.Unknown("the Stripe route answered without a PaymentIntent",
                    VendorExchange.requestOnly(requestText));
        }
        StripeResponse response = intent.getLastResponse();
        String body = response == null ? intent.toJson() : response.body();
        return new VendorOutcome.Succeeded(intent.getId(),
                new VendorExchange(requestText, mask.apply(body), response == null ? null : response.code()));
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
        Exchange result = producer.send(SEARCH_ROUTE, exchange -> exchange.getIn().setBody(params));
        if (result.getException() != null) {
            StripeException e = stripeFailure(result.getException());
            throw new LookupFailedException("Stripe search failed (" + mask.apply(e.getClass().getSimpleName() + ": "
                    + e.getMessage()) + ")", e);
        }
        @SuppressWarnings("unchecked")
        StripeSearchResult<PaymentIntent> found = result.getMessage().getBody(StripeSearchResult.class);
        return found.getData().stream()
                .min(Comparator.comparing(PaymentIntent::getCreated, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(PaymentIntent::getId);
    }

    /** The Stripe error behind a failed exchange; anything else (a wiring fault) is no vendor answer and is thrown. */
    private static StripeException stripeFailure(Exception failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StripeException stripe) {
                return stripe;
            }
        }
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new IllegalStateException("Stripe route failed", failure);
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
}
