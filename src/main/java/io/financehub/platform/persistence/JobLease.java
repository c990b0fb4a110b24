package io.financehub.platform.persistence;

import java.time.Duration;

/**
 * A lease that lets one replica at a time run a scheduled job. Expiry is measured by the database's clock, which
 * every replica shares (as the side-effect claims are): a replica whose own clock runs ahead cannot take a live lease.
 * A holder that dies keeps the lease until it expires; then any replica may take it.
 */
public interface JobLease {

    /**
     * Takes the lease of {@code job} for {@code ttl} when it is free, expired, or already {@code owner}'s (which
     * renews it).
     *
     * @return true when {@code owner} holds it now
     */
    boolean tryAcquire(String job, String owner, Duration ttl);

    /**
     * Extends {@code owner}'s lease of {@code job} to {@code ttl} from now.
     *
     * @return false when another replica took it meanwhile (the caller must stop)
     */
    boolean renew(String job, String owner, Duration ttl);
}
