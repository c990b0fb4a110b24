package io.financehub.payment.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Which part of Stripe's event list one recovery run reads, and how far the hub may then say it has read completely.
 * <p>
 * The start is the cursor (the instant up to which an earlier run read every event) minus a safety margin, because
 * Stripe may list an event a little after its {@code created} time; with no cursor yet, a look-back from now. An
 * operator may ask for an earlier (or later) start. The cursor is deliberately not the newest stored event: once
 * webhooks flow again after an outage, the newest event is recent and the events lost in the outage lie before it.
 * <p>
 * A complete run covers everything from its start to the moment it began listing, so the cursor may move to that
 * moment, but only when the start did not skip anything the cursor had not covered (a start later than the cursor
 * leaves a gap the next scheduled run must still read).
 *
 * @param from            the earliest {@code created} time listed ({@code created[gte]})
 * @param listedAt        when the listing starts: what a complete run has covered up to
 * @param cursor          the cursor before the run; null when there was none
 * @param advancesCursor  whether a complete run moves the cursor to {@code listedAt}
 */
public record RecoveryWindow(Instant from, Instant listedAt, Instant cursor, boolean advancesCursor) {

    /**
     * @param cursor    how far earlier runs read completely; null when no run completed yet
     * @param requested the start an operator asked for; null for the scheduled start
     * @param now       the hub's clock now
     * @param margin    how far before the cursor a scheduled run starts
     * @param lookback  how far back the first run (no cursor) reads
     * @throws IllegalArgumentException when {@code requested} is in the future
     */
    public static RecoveryWindow of(Instant cursor, Instant requested, Instant now, Duration margin,
                                    Duration lookback) {
        if (requested != null && requested.isAfter(now)) {
            throw new IllegalArgumentException("since must not be in the future");
        }
        Instant scheduledFrom = cursor == null ? now.minus(lookback) : cursor.minus(margin);
        Instant from = requested == null ? scheduledFrom : requested;
        // a start after the cursor (or after the look-back when there is none) would leave its gap unread
        boolean advances = !from.isAfter(cursor == null ? scheduledFrom : cursor);
        return new RecoveryWindow(from, now, cursor, advances);
    }

    /** The cursor once this run completed: {@link #listedAt()} when it advances, else unchanged. */
    public Instant cursorAfterCompletion() {
        if (!advancesCursor) {
            return cursor;
        }
        return cursor != null && cursor.isAfter(listedAt) ? cursor : listedAt;
    }
}
