package io.financehub.event;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Publishing of the domain events on {@code hub.events}.
 *
 * @param publishPeriod milliseconds between two runs of the {@code domain-event-publisher} route, which the route
 *                      reads itself ({@code HUB_EVENTS_PUBLISH_PERIOD}); the most an event waits after its commit
 * @param batchSize     events claimed and sent per run ({@code HUB_EVENTS_BATCH_SIZE})
 * @param claimLease    how long a claimed event stays its publisher's before another replica presumes it died
 *                      between send and mark and sends it again ({@code HUB_EVENTS_CLAIM_LEASE})
 */
@ConfigurationProperties(prefix = "hub.events")
public record EventProperties(long publishPeriod, int batchSize, Duration claimLease) {

    public EventProperties {
        publishPeriod = publishPeriod <= 0 ? 500 : publishPeriod;
        batchSize = batchSize <= 0 ? 100 : batchSize;
        claimLease = claimLease == null || claimLease.isNegative() || claimLease.isZero()
                ? Duration.ofSeconds(30) : claimLease;
    }
}
