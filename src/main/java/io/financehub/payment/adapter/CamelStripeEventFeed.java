package io.financehub.payment.adapter;

import com.google.gson.JsonObject;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.StripeException;
import com.stripe.model.Event;
import com.stripe.model.StripeCollection;
import com.stripe.net.ApiResource;
import com.stripe.param.EventListParams;
import io.financehub.payment.application.StripeEventFeed;
import io.financehub.payment.application.StripeEventPage;
import io.financehub.payment.application.StripeEventPage.ListedEvent;
import io.financehub.payment.application.StripeEventsUnavailableException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link StripeEventFeed} through the route {@code direct:stripe-list-events} (the vendor call stays in a route file).
 * Each event is passed on as the JSON Stripe sent, not as stripe-java's model re-serialised: the model drops what its
 * pinned API version does not know, and the hub reads events as plain JSON ({@link StripeJsonEventReader}).
 */
public class CamelStripeEventFeed implements StripeEventFeed {

    static final String ROUTE = "direct:stripe-list-events";
    /** Stripe's largest page. */
    static final long PAGE_SIZE = 100;

    private final ProducerTemplate producer;

    public CamelStripeEventFeed(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    public StripeEventPage page(Instant createdFrom, String startingAfter) {
        EventListParams.Builder params = EventListParams.builder()
                .setCreated(EventListParams.Created.builder().setGte(createdFrom.getEpochSecond()).build())
                .setLimit(PAGE_SIZE);
        if (startingAfter != null) {
            params.setStartingAfter(startingAfter);
        }
        Exchange result = producer.send(ROUTE, exchange -> exchange.getIn().setBody(params.build()));
        if (result.getException() != null) {
            Throwable cause = result.getException();
            throw new StripeEventsUnavailableException("Stripe's event list could not be read ("
                    + describe(cause) + ")", cause);
        }
        if (!(result.getMessage().getBody() instanceof StripeCollection<?> collection)) {
            throw new StripeEventsUnavailableException("the Stripe event list route answered without a list", null);
        }
        List<ListedEvent> events = new ArrayList<>();
        for (Object item : collection.getData() == null ? List.of() : collection.getData()) {
            if (item instanceof Event event && event.getId() != null) {
                JsonObject raw = event.getRawJsonObject();
                events.add(new ListedEvent(event.getId(), raw != null ? raw.toString()
                        : ApiResource.GSON.toJson(event)));
            }
        }
        return new StripeEventPage(events, Boolean.TRUE.equals(collection.getHasMore()));
    }

    /** HTTP status or "no answer"; never the exception's message, which may quote the request. */
    private static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ApiConnectionException) {
                return "no answer: timeout or connection refused";
            }
            if (t instanceof StripeException stripe && stripe.getStatusCode() != null) {
                return "HTTP " + stripe.getStatusCode();
            }
        }
        return failure.getClass().getSimpleName();
    }
}
