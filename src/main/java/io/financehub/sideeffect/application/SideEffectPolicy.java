package io.financehub.sideeffect.application;

import java.time.Duration;

/**
 * How long a claim may be held before another worker assumes its holder died, how long a stored side effect may
 * wait for its queue before the relay sends it again, and how retries back off.
 */
public record SideEffectPolicy(Duration lease, Duration redispatchAfter, int maxAttempts, Duration firstBackoff,
                               Duration maxBackoff) {

    public Duration backoff(int attempt) {
        long factor = 1L << Math.min(Math.max(attempt - 1, 0), 20);
        Duration d = firstBackoff.multipliedBy(factor);
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
