package io.financehub.payment.application;

import java.util.List;

/**
 * A page of Stripe's event list.
 *
 * @param events  the events on the page, in Stripe's order
 * @param hasMore whether Stripe has more after the last one ({@code has_more})
 */
public record StripeEventPage(List<ListedEvent> events, boolean hasMore) {

    public StripeEventPage {
        events = List.copyOf(events);
    }

    /** The id to continue after ({@code starting_after}); null for an empty page. */
    public String lastId() {
        return events.isEmpty() ? null : events.get(events.size() - 1).id();
    }

    /**
     * One listed event.
     *
     * @param id      Stripe's event id ({@code evt_...})
     * @param payload the event as JSON, as a webhook would carry it
     */
    public record ListedEvent(String id, String payload) {
    }
}
