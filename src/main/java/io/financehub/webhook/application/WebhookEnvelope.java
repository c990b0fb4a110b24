package io.financehub.webhook.application;

/**
 * What ingestion needs from a verified webhook payload.
 *
 * @param eventId   the provider's event id (at most 255 characters)
 * @param type      the event type (at most 128 characters)
 * @param invoiceId the hub invoice it names, when the payload says so directly (Stripe metadata); else null
 * @param objectRef the vendor object it is about (Stripe PaymentIntent id, Twilio MessageSid); may be null
 */
public record WebhookEnvelope(String eventId, String type, String invoiceId, String objectRef) {
}
