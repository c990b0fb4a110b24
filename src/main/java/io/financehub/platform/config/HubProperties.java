package io.financehub.platform.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Hub-wide settings.
 *
 * @param dataDir       H2 file and embedded broker journal ({@code HUB_DATA_DIR})
 * @param publicBaseUrl the URL vendors reach the hub at ({@code HUB_PUBLIC_BASE_URL}): Twilio signs it
 * @param routesDir     YAML route definitions ({@code HUB_ROUTES_DIR}); the packaged copy is used when absent
 * @param webhook       webhook limits
 * @param sideEffects   claim lease, relay and retry timing
 */
@ConfigurationProperties(prefix = "hub")
public record HubProperties(Path dataDir, String publicBaseUrl, Path routesDir, Webhook webhook,
                            SideEffects sideEffects) {

    public HubProperties {
        dataDir = dataDir == null ? Path.of("./data") : dataDir;
        publicBaseUrl = publicBaseUrl == null ? "http://localhost:8080" : publicBaseUrl.replaceAll("/+$", "");
        routesDir = routesDir == null ? Path.of("./routes") : routesDir;
        webhook = webhook == null ? new Webhook(0, null) : webhook;
        sideEffects = sideEffects == null ? new SideEffects(null, null, 0, null, null) : sideEffects;
    }

    /**
     * @param maxBytes   largest accepted webhook body ({@code HUB_WEBHOOK_MAX_BYTES})
     * @param relayAfter how long a stored event may stay {@code received} after its hand-off to the queue before
     *                   the webhook relay queues it again ({@code HUB_WEBHOOK_RELAY_AFTER})
     */
    public record Webhook(long maxBytes, Duration relayAfter) {
        public Webhook {
            maxBytes = maxBytes <= 0 ? 1_048_576 : maxBytes;
            relayAfter = relayAfter == null ? Duration.ofSeconds(30) : relayAfter;
        }
    }

    /**
     * @param lease           how long a claim may be held before another worker assumes its holder died
     * @param redispatchAfter how long a stored side effect may wait for its queue before the relay re-sends it
     * @param maxAttempts     vendor attempts before a side effect is dead-lettered
     * @param firstBackoff    delay before the first retry; doubles per attempt
     * @param maxBackoff      longest delay between retries
     */
    public record SideEffects(Duration lease, Duration redispatchAfter, int maxAttempts, Duration firstBackoff,
                              Duration maxBackoff) {
        public SideEffects {
            lease = lease == null ? Duration.ofMinutes(2) : lease;
            redispatchAfter = redispatchAfter == null ? Duration.ofSeconds(30) : redispatchAfter;
            maxAttempts = maxAttempts <= 0 ? 6 : maxAttempts;
            firstBackoff = firstBackoff == null ? Duration.ofSeconds(2) : firstBackoff;
            maxBackoff = maxBackoff == null ? Duration.ofMinutes(5) : maxBackoff;
        }
    }
}
