package io.financehub.payment.adapter;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.StripeCollection;
import com.stripe.param.EventListParams;

/**
 * stripe-java's event list, the bean {@code stripeEvents} behind {@code routes/stripe-list-events.camel.yaml}: one
 * page of {@code GET /v1/events} per call, on the same client settings as {@link StripePaymentIntents} (API base,
 * timeouts, no retries of the SDK's own). In sandbox mode the bean exists (the route starts in every mode) and
 * refuses every call: the sandbox keeps no event list.
 */
public class StripeEvents {

    private final StripeClient client;

    private StripeEvents(StripeClient client) {
        this.client = client;
    }

    public static StripeEvents live(StripeProperties properties) {
        return new StripeEvents(StripePaymentIntents.liveClient(properties));
    }

    public static StripeEvents disabled() {
        return new StripeEvents(null);
    }

    /** {@code GET /v1/events} with {@code params} ({@code created[gte]}, {@code limit}, {@code starting_after}). */
    public StripeCollection<Event> list(EventListParams params) throws StripeException {
        if (client == null) {
            throw new IllegalStateException("HUB_STRIPE_MODE=sandbox: Stripe is not called");
        }
        return client.v1().events().list(params);
    }
}
