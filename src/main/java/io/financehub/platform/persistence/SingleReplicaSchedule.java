package io.financehub.platform.persistence;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * Lets one replica at a time run a job that every replica schedules: each run first takes (or, for the holder,
 * renews) the job's {@link JobLease}. The lease lasts two periods, so its holder keeps it from run to run, and when
 * the holder dies another replica takes over within two periods.
 */
public final class SingleReplicaSchedule {

    private final JobLease lease;
    private final String job;
    private final String owner;
    private final Duration ttl;

    /**
     * @param job    the row of {@code job_leases}
     * @param owner  this replica's name in the lease ({@link #replicaName()})
     * @param period how often every replica schedules the job
     */
    public SingleReplicaSchedule(JobLease lease, String job, String owner, Duration period) {
        this.lease = Objects.requireNonNull(lease, "lease");
        this.job = Objects.requireNonNull(job, "job");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.ttl = period.multipliedBy(2);
    }

    /** @return true when this replica holds the job's lease and runs this turn; false when another replica does */
    public boolean thisReplicaRuns() {
        return lease.tryAcquire(job, owner, ttl);
    }

    /** The pod's (or host's) name for operators reading {@code job_leases}, made unique per process. */
    public static String replicaName() {
        String host = System.getenv("HOSTNAME");
        String name = (host == null || host.isBlank() ? "hub" : host) + ":" + UUID.randomUUID();
        return name.length() > 128 ? name.substring(name.length() - 128) : name;
    }
}
