package io.financehub.payment.application;

import java.time.Instant;
import java.util.Optional;

/** How far Stripe event recovery has read Stripe's event list completely; shared by every replica. */
public interface StripeRecoveryCursor {

    /** @return the instant up to which every event was listed and ingested; empty before the first complete run */
    Optional<Instant> coveredUntil();

    /** Moves the cursor to {@code until}; never back (a replica that finished an older run changes nothing). */
    void advance(Instant until);
}
