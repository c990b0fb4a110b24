package io.financehub.payment.application;

import java.time.Instant;

/**
 * What one Stripe recovery run found.
 *
 * @param from         the earliest {@code created} time listed
 * @param pages        pages of Stripe's event list read
 * @param listed       events Stripe listed
 * @param alreadyKnown listed events the hub had stored already (delivered, or recovered before): skipped
 * @param recovered    events the hub never received, now stored as recovered and queued for processing
 * @param unreadable   listed events the hub could not read as events (not stored; none expected)
 * @param cursor       the cursor after the run (null when no run has completed yet)
 * @param cursorMoved  whether this run moved the cursor
 */
public record StripeRecoveryReport(Instant from, int pages, int listed, int alreadyKnown, int recovered,
                                   int unreadable, Instant cursor, boolean cursorMoved) {
}
