package io.financehub.retention.application;

import io.financehub.retention.domain.PrunedRecord;

import java.time.Instant;

/** What each retention pass reports to monitoring. */
public interface RetentionMeter {

    /** {@code count} more records of {@code record} removed (or payloads cleared) by this replica. */
    void removed(PrunedRecord record, long count);

    /** A pass of this replica completed at {@code at}. */
    void completed(Instant at);
}
