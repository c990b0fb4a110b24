package io.financehub.retention.application;

import io.financehub.retention.domain.PrunedRecord;

import java.time.Instant;

/** The tables retention prunes, one bounded batch at a time. */
public interface RetentionStore {

    /**
     * Removes (for {@link PrunedRecord#clearsPayloadOnly()}: clears the payload of) at most {@code limit} records of
     * {@code record} stamped before {@code cutoff}, in one short transaction of its own, so no batch holds locks for
     * long or grows with the backlog.
     *
     * @return how many it removed or cleared; less than {@code limit} when no more are due
     */
    int pruneBatch(PrunedRecord record, Instant cutoff, int limit);
}
