package io.financehub.webhook.application;

import io.financehub.webhook.application.WebhookEventStore.StoredWebhookEvent;
import io.financehub.webhook.domain.WebhookEventStatus;

/**
 * One webhook provider, as ingestion and processing need it: how its deliveries are authenticated, how a verified
 * payload is identified, and how a stored event is applied to the hub. The capability that owns what the provider
 * reports on implements it (Stripe in payment, Twilio in sms), so webhook itself reads no provider's events. One
 * per provider.
 */
public interface WebhookSource extends WebhookVerifier {

    /**
     * Identifies a verified payload for storage.
     *
     * @throws MalformedWebhookException when the payload is not a readable event of this provider
     */
    WebhookEnvelope envelope(String payload);

    /**
     * Applies a stored event from its stored payload. Idempotent and order-independent under the keys of its
     * effects: it may run any number of times per event (redelivery, replay, copies on several replicas).
     *
     * @return the status the event reached and the invoice it concerned (the stored one when nothing better is known)
     * @throws MalformedWebhookException when the payload can never be applied (kept {@code failed} for an operator)
     */
    Applied apply(StoredWebhookEvent event);

    /**
     * What applying an event came to.
     *
     * @param invoiceId the invoice the event concerned; null when unknown
     */
    record Applied(WebhookEventStatus status, String invoiceId) {
    }
}
