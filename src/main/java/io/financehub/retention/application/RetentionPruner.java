package io.financehub.retention.application;

import io.financehub.platform.persistence.JobLease;
import io.financehub.retention.domain.PrunedRecord;
import io.financehub.retention.domain.RetentionPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One retention pass, run by the {@code retention-pruner} route on every replica, pruning on one at a time: the
 * replica holding the {@value #JOB} lease removes what its {@link RetentionPolicy} lets go, kind by kind, in batches
 * of at most {@code batchSize}, renewing the lease after each full batch; the others skip. The holder keeps the lease
 * for {@code leaseTtl} after its last batch, so its next pass renews it and another replica takes over only once it
 * stopped (or died) and the lease expired. Cutoffs are measured by {@code clock}, as the rows' times are stamped.
 */
public class RetentionPruner {

    /** The lease's name in {@code job_leases}. */
    public static final String JOB = "retention";

    private static final Logger LOG = LoggerFactory.getLogger(RetentionPruner.class);

    private final RetentionPolicy policy;
    private final RetentionStore store;
    private final JobLease lease;
    private final RetentionMeter meter;
    private final Clock clock;
    private final String owner;
    private final int batchSize;
    private final Duration leaseTtl;

    /**
     * @param owner     this replica's name in the lease (unique per process)
     * @param batchSize the most rows one statement removes
     * @param leaseTtl  how long the lease outlives the holder's last batch
     */
    public RetentionPruner(RetentionPolicy policy, RetentionStore store, JobLease lease, RetentionMeter meter,
                           Clock clock, String owner, int batchSize, Duration leaseTtl) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("the retention batch size must be at least 1, not " + batchSize);
        }
        this.policy = Objects.requireNonNull(policy, "policy");
        this.store = Objects.requireNonNull(store, "store");
        this.lease = Objects.requireNonNull(lease, "lease");
        this.meter = Objects.requireNonNull(meter, "meter");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.batchSize = batchSize;
        this.leaseTtl = Objects.requireNonNull(leaseTtl, "leaseTtl");
    }

    /** Called by the {@code retention-pruner} route each period. */
    public RetentionPass prune() {
        if (!lease.tryAcquire(JOB, owner, leaseTtl)) {
            LOG.debug("retention: another replica holds the lease; skipped");
            return RetentionPass.skipped();
        }
        Instant now = clock.instant();
        Map<PrunedRecord, Long> removed = new EnumMap<>(PrunedRecord.class);
        int batches = 0;
        boolean complete = true;
        kinds:
        for (PrunedRecord record : PrunedRecord.values()) {
            Instant cutoff = policy.cutoff(record, now);
            long total = 0;
            while (true) {
                int count = store.pruneBatch(record, cutoff, batchSize);
                batches++;
                total += count;
                meter.removed(record, count);
                if (count < batchSize) {
                    break;
                }
                if (!lease.renew(JOB, owner, leaseTtl)) {
                    complete = false;
                    removed.put(record, total);
                    break kinds;
                }
            }
            removed.put(record, total);
        }
        RetentionPass pass = new RetentionPass(true, complete, Collections.unmodifiableMap(removed), batches);
        meter.completed(clock.instant());
        if (complete) {
            LOG.info("retention removed {} in {} batch(es)", pass.counts(), batches);
        } else {
            LOG.warn("retention lost its lease to another replica mid-pass and stopped; removed {} in {} batch(es)",
                    pass.counts(), batches);
        }
        return pass;
    }
}
