package io.financehub.sideeffect;

import org.springframework.boot.context.properties.ConfigurationProperties;
import java.time.Duration;

/**
 * Claim lease, relay and retry timing of side effects.
 *
 * @param lease           how long a claim may be held before another worker assumes its holder died
 *                        ({@code HUB_SIDE_EFFECTS_LEASE})
 * @param redispatchAfter how long a stored side effect may wait for its queue before the relay re-sends it
 * @param maxAttempts     vendor attempts before a side effect is dead-lettered
 * @param firstBackoff    delay before the first retry; doubles per attempt
 * @param maxBackoff      longest delay between retries
 */
@ConfigurationProperties(prefix = "hub.side-effects")
public record SideEffectProperties(Duration lease, Duration redispatchAfter, int maxAttempts, Duration firstBackoff,
                                   Duration maxBackoff) {

    public SideEffectProperties {
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        redispatchAfter = redispatchAfter == null ? Duration.ofSeconds(30) : redispatchAfter;
        maxAttempts = maxAttempts <= 0 ? 6 : maxAttempts;
        firstBackoff = firstBackoff == null ? Duration.ofSeconds(2) : firstBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofMinutes(5) : maxBackoff;
    }
}
