package io.financehub.payment;

import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeSearchResult;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentSearchParams;
import io.financehub.payment.adapter.StripePaymentIntents;
import io.financehub.support.RouteTestBase;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWithRouteBuilder;
import org.apache.camel.util.function.ThrowingConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.verify;

/**
 * The Stripe routes: {@code stripe-create-payment-intent} hands the parameters and the idempotency key to
 * stripe-java on the {@code stripePaymentIntents} bean and returns its PaymentIntent; {@code stripe-search-payment-intents}
 * hands it the search.
 */
@TestPropertySource(properties = "camel.main.routes-include-pattern=file:routes/vendor-calls.camel.yaml,"
        + "file:routes/stripe-create-payment-intent.camel.yaml,"
        + "file:routes/stripe-search-payment-intents.camel.yaml")
class StripePaymentIntentsRouteTest extends RouteTestBase {

    @MockitoBean(name = "stripePaymentIntents")
    StripePaymentIntents stripe;

    @Override
    protected Map<String, ThrowingConsumer<AdviceWithRouteBuilder, Exception>> advice() {
        return Map.of("stripe-create-payment-intent", a -> { }, "stripe-search-payment-intents", a -> { });
    }

    @Test
    void createPassesTheParametersAndTheIdempotencyKeyAndReturnsTheIntent() throws Exception {
        PaymentIntent intent = new PaymentIntent();
        intent.setId("pi_1");
        doReturn(intent).when(stripe).create(any(), anyString());
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder().setAmount(100L).setCurrency("usd")
                .build();

        Exchange answer = producer.send("direct:stripe-create-payment-intent", e -> {
            e.getIn().setBody(params);
            e.getIn().setHeader("stripeIdempotencyKey", "INV-1:create-payment-intent");
        });

        assertThat(answer.getException()).isNull();
        assertThat(answer.getMessage().getBody()).isSameAs(intent);
        verify(stripe).create(params, "INV-1:create-payment-intent");
    }

    @Test
    void searchPassesTheSearchParametersAndReturnsTheResult() throws Exception {
        StripeSearchResult<PaymentIntent> result = new StripeSearchResult<>();
        doReturn(result).when(stripe).search(any());
        PaymentIntentSearchParams params = PaymentIntentSearchParams.builder()
                .setQuery("metadata['invoice_id']:'INV-1'").build();

        Exchange answer = producer.send("direct:stripe-search-payment-intents", e -> e.getIn().setBody(params));

        assertThat(answer.getMessage().getBody()).isSameAs(result);
        verify(stripe).search(params);
    }
}
