package io.financehub.webhook.application;

import io.financehub.platform.web.NotFoundException;
import io.financehub.webhook.domain.WebhookEventStatus;
import io.financehub.webhook.domain.WebhookProvider;

import java.util.List;

/**
 * Operators' listing and replay of webhook events. A replay runs processing directly rather than through the
 * queue, whose duplicate filter would skip an event that completed before.
 */
public class WebhookAdministrationService implements WebhookEventAdministration {

    private final WebhookEventStore store;
    private final WebhookProcessingService processing;

    public WebhookAdministrationService(WebhookEventStore store, WebhookProcessingService processing) {
        this.store = store;
        this.processing = processing;
    }

    @Override
    public List<WebhookEventSummary> list(WebhookProvider provider, WebhookEventStatus status, Long beforeId,
                                          int limit) {
        return store.list(provider, status, beforeId, limit);
    }

    @Override
    public WebhookEventStatus replay(WebhookProvider provider, String eventId) {
        if (store.find(provider, eventId).isEmpty()) {
            String what = provider.dbValue() + " webhook event";
            throw new NotFoundException(what, eventId, "no " + what + " "
                    + (eventId.length() > 255 ? eventId.substring(0, 255) + "…" : eventId));
        }
        return processing.process(provider.dbValue(), eventId);
    }
}
