package io.financehub.webhook.adapter;

/** The acknowledgement: {@code {"status": "accepted"|"duplicate", "eventId": ...}}. */
public record WebhookAnswer(String status, String eventId) {
}
