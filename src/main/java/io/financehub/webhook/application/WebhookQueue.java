package io.financehub.webhook.application;

import io.financehub.webhook.domain.WebhookProvider;

/** The durable queues that carry stored webhook events (by id) to their processing route, one per provider. */
public interface WebhookQueue {

    /** Returns once the broker has the message durably; throws when it could not be handed over. */
    void enqueue(WebhookProvider provider, String eventId);
}
