package io.financehub.webhook.application;

import java.time.Instant;

/**
 * A stored webhook event as operators see it (without its payload); {@code source} is {@code webhook} or
 * {@code recovered} ({@link io.financehub.webhook.domain.WebhookEventSource}).
 */
public record WebhookEventSummary(long id, String provider, String eventId, String type, String status,
                                  String invoiceId, int duplicates, int attempts, String lastError,
                                  String payloadHash, Instant receivedAt, Instant processedAt, String source) {
}
