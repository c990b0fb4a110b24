package io.financehub.ledger.application;

import java.time.Instant;

/**
 * Which invoices a reconciliation covers, by their creation time: {@code from} inclusive, {@code to} exclusive,
 * either open (null).
 */
public record ReconciliationPeriod(Instant from, Instant to) {

    /** Every invoice the hub holds. */
    public static final ReconciliationPeriod ALL = new ReconciliationPeriod(null, null);

    public ReconciliationPeriod {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
    }

    public boolean unbounded() {
        return from == null && to == null;
    }

    public boolean contains(Instant createdAt) {
        return (from == null || !createdAt.isBefore(from)) && (to == null || createdAt.isBefore(to));
    }

    /** This period, ending no later than {@code end} (exclusive). */
    public ReconciliationPeriod endingBy(Instant end) {
        if (to != null && !to.isAfter(end)) {
            return this;
        }
        Instant cut = from != null && end.isBefore(from) ? from : end;
        return new ReconciliationPeriod(from, cut);
    }
}
