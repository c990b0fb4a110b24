package io.financehub.webhook.domain;

import java.util.EnumSet;
import java.util.Set;

/** What became of a stored webhook event. */
public enum WebhookEventStatus {
    RECEIVED, PROCESSED, IGNORED, UNMATCHED, FAILED;

    public String dbValue() {
        return name().toLowerCase();
    }

    public static WebhookEventStatus fromDb(String value) {
        return valueOf(value.toUpperCase());
    }

    /**
     * The statuses a processing run may replace with this one. Copies of one event run concurrently (on two
     * replicas, or a redelivery beside a replay), so their outcomes arrive in any order; a status only moves
     * forward: nothing replaces {@code processed} or {@code ignored}, and a failure does not replace
     * {@code unmatched} (that copy completed, so the failed one is never redelivered, and {@code failed} would hide
     * the event from the re-run of unmatched events). {@code received} is set only on insert.
     */
    public Set<WebhookEventStatus> predecessors() {
        return switch (this) {
            case RECEIVED -> EnumSet.noneOf(WebhookEventStatus.class);
            case FAILED -> EnumSet.of(RECEIVED, FAILED);
            case UNMATCHED -> EnumSet.of(RECEIVED, FAILED, UNMATCHED);
            case PROCESSED -> EnumSet.of(RECEIVED, FAILED, UNMATCHED, PROCESSED);
            case IGNORED -> EnumSet.of(RECEIVED, FAILED, UNMATCHED, IGNORED);
        };
    }
}
