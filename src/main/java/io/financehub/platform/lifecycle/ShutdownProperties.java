package io.financehub.platform.lifecycle;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Shutdown.
 *
 * @param drainDelay how long, after SIGTERM, the hub keeps serving while its readiness already answers 503
 *                   ({@code HUB_SHUTDOWN_DRAIN_DELAY}): a load balancer that polls readiness stops sending requests
 *                   before the server closes its port; 0 closes at once (Kubernetes' preStop pause does the same
 *                   before SIGTERM)
 */
@ConfigurationProperties(prefix = "hub.shutdown")
public record ShutdownProperties(Duration drainDelay) {

    public ShutdownProperties {
        drainDelay = drainDelay == null ? Duration.ofSeconds(5) : drainDelay;
        if (drainDelay.isNegative()) {
            throw new IllegalArgumentException("hub.shutdown.drain-delay must not be negative, not " + drainDelay);
        }
    }
}
