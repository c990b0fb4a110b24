package io.financehub.webhook.application;

import io.financehub.platform.web.NotFoundException;
import io.financehub.webhook.domain.WebhookEventStatus;
import io.financehub.webhook.domain.WebhookProvider;

import java.util.List;

/** What operators do with received webhook events: list them, and re-run one from its stored payload. */
public interface WebhookEventAdministration {

    /**
     * Newest first.
     *
     * @param provider only this provider's events (null: all)
     * @param status   only events in this status (null: all)
     * @param beforeId the previous page's cursor (null for the first page)
     */
    List<WebhookEventSummary> list(WebhookProvider provider, WebhookEventStatus status, Long beforeId, int limit);

    /**
     * Re-runs processing from the stored payload, bypassing the queue's duplicate filter. Side effects stay
     * idempotent under their keys, so a replay of a processed event changes nothing.
     *
     * @return the event's status after the replay
     * @throws NotFoundException      when no such event is stored
     * @throws PayloadPrunedException when retention has cleared the event's payload (docs/retention.md)
     */
    WebhookEventStatus replay(WebhookProvider provider, String eventId);

    /** The event is still recorded, but its raw payload is past its retention window and gone: nothing to re-run. */
    class PayloadPrunedException extends RuntimeException {
        public PayloadPrunedException(String message) {
            super(message);
        }
    }
}
