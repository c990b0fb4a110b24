package io.financehub.adapter.in.webhook;

/** The acknowledgement: {@code {"status": "accepted"|"duplicate", "eventId": ...}}. */
public record WebhookAnswer(String status, String eventId) {
}
