package io.financehub.webhook.application;

/**
 * The acknowledgement of a verified webhook: it is stored, and queued (or left to the relay) for processing.
 *
 * @param eventId   the provider's event id (Stripe {@code evt_...}; Twilio {@code MessageSid:MessageStatus})
 * @param duplicate true when the event had been received before: nothing new was stored or queued
 */
public record WebhookReceipt(String eventId, boolean duplicate) {
}
