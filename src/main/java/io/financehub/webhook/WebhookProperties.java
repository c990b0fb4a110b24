package io.financehub.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import java.time.Duration;

/**
 * Webhook limits.
 *
 * @param maxBytes   largest accepted webhook body ({@code HUB_WEBHOOK_MAX_BYTES})
 * @param relayAfter how long a stored event may stay {@code received} after its hand-off to the queue before the
 *                   webhook relay queues it again ({@code HUB_WEBHOOK_RELAY_AFTER})
 * @param maxConcurrent deliveries stored at once; one more is answered 503 {@code busy} at once, so a slow database
 *                   holds at most this many request threads ({@code HUB_WEBHOOK_MAX_CONCURRENT})
 */
@ConfigurationProperties(prefix = "hub.webhook")
public record WebhookProperties(long maxBytes, Duration relayAfter, int maxConcurrent) {

    public WebhookProperties {
        maxConcurrent = maxConcurrent <= 0 ? 40 : maxConcurrent;
        maxBytes = maxBytes <= 0 ? 1_048_576 : maxBytes;
        relayAfter = relayAfter == null ? Duration.ofSeconds(30) : relayAfter;
    }
}
