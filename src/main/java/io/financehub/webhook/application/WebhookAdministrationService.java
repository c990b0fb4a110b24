package io.financehub.webhook.application;

import io.financehub.platform.web.NotFoundException;
import io.financehub.webhook.domain.WebhookEventStatus;
import io.financehub.webhook.domain.WebhookProvider;

import io.financehub.webhook.application.WebhookEventStore.StoredWebhookEvent;

import java.util.List;
import java.util.Optional;

/**
 * Operators' listing and replay of webhook events. A replay runs processing directly rather than through the
 * queue, whose duplicate filter would skip an event that completed before. An event whose payload retention cleared
 * is refused: it was settled (processed or ignored) long ago, and there is nothing left to run.
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
        Optional<StoredWebhookEvent> stored = store.find(provider, eventId);
        String shown = eventId.length() > 255 ? eventId.substring(0, 255) + "…" : eventId;
        if (stored.isEmpty()) {
            String what = provider.dbValue() + " webhook event";
            throw new NotFoundException(what, eventId, "no " + what + " " + shown);
        }
        if (stored.get().payload() == null) {
            throw new PayloadPrunedException(provider.dbValue() + " webhook event " + shown + " is "
                    + stored.get().status().dbValue() + " and its payload is past its retention window "
                    + "(HUB_RETENTION_WEBHOOK_PAYLOADS): it can no longer be replayed");
        }
        return processing.process(provider.dbValue(), eventId);
    }
}
