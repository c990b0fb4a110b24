package io.financehub.webhook.application;

import io.financehub.webhook.domain.WebhookEventStatus;

/**
 * Applies a stored webhook event to the hub from its stored payload: payment events to their invoice, SMS status
 * callbacks to their message. Running it again for the same event changes nothing further (the effects are
 * idempotent under their keys), which is what makes redelivery and replay safe.
 */
public interface ProcessWebhookEventUseCase {

    /**
     * @param provider provider name ({@code stripe}, {@code twilio})
     * @param eventId  the event's id
     * @return the status the event now has, or null when no such event is stored (the message is dropped)
     */
    WebhookEventStatus process(String provider, String eventId);
}
