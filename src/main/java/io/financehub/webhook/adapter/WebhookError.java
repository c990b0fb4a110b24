package io.financehub.webhook.adapter;

import java.util.List;

/** The hub's error shape, {@code {"error", "message", "details"}}, for refused webhooks. */
public record WebhookError(String error, String message, List<?> details) {

    static WebhookError of(String error, String message) {
        return new WebhookError(error, message, List.of());
    }
}
