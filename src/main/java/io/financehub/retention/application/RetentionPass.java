package io.financehub.retention.application;

import io.financehub.retention.domain.PrunedRecord;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one call of {@link RetentionPruner#prune()} did.
 *
 * @param ran      false when another replica held the lease, so nothing was pruned
 * @param complete false when the lease was lost mid-pass (the pass stopped after its last batch)
 * @param removed  records removed (payloads cleared) per kind; every kind present when {@code ran}
 * @param batches  statements run
 */
public record RetentionPass(boolean ran, boolean complete, Map<PrunedRecord, Long> removed, int batches) {

    static RetentionPass skipped() {
        return new RetentionPass(false, false, Map.of(), 0);
    }

    /** Removed or cleared of {@code record} in this pass. */
    public long removed(PrunedRecord record) {
        return removed.getOrDefault(record, 0L);
    }

    /** {@code route_exchanges=12, ...}: the log line's counts. */
    public String counts() {
        return removed.entrySet().stream().map(e -> e.getKey().table()
                        + (e.getKey().clearsPayloadOnly() ? " payloads" : "") + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
