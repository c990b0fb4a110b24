package io.financehub.payment.application;

import java.time.Instant;

/**
 * Stripe's own record of the account's events ({@code GET /v1/events}, kept by Stripe for 30 days), read over the
 * hub's authenticated API connection: what recovery compares with the events the hub stored.
 */
public interface StripeEventFeed {

    /**
     * One page of events created at or after {@code createdFrom}, newest first as Stripe lists them.
     *
     * @param startingAfter the id of the last event of the previous page; null for the first page
     * @throws StripeEventsUnavailableException when Stripe could not be asked or did not answer with a list
     */
    StripeEventPage page(Instant createdFrom, String startingAfter);
}
