package io.financehub.domain.model;

/** What became of a stored webhook event. */
public enum WebhookEventStatus {
    RECEIVED, PROCESSED, IGNORED, UNMATCHED, FAILED;

    public String dbValue() {
        return name().toLowerCase();
    }

    public static WebhookEventStatus fromDb(String value) {
        return valueOf(value.toUpperCase());
    }
}
