package io.financehub.webhook.application;

import io.financehub.webhook.application.WebhookEventStore.StoredWebhookEvent;
import io.financehub.webhook.application.WebhookSource.Applied;
import io.financehub.webhook.domain.WebhookEventStatus;
import io.financehub.webhook.domain.WebhookProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Applies a stored webhook event to the hub from its stored payload, through its provider's {@link WebhookSource}
 * (payment events to their invoice, SMS status callbacks to their message), and records how that ended. Sources are
 * idempotent and order-independent, so this may run any number of times per event, which is what makes redelivery
 * and replay safe.
 */
public class WebhookProcessingService {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookProcessingService.class);

    private final WebhookSources sources;
    private final WebhookEventStore store;
    private final Clock clock;

    public WebhookProcessingService(List<WebhookSource> sources, WebhookEventStore store, Clock clock) {
        this.sources = new WebhookSources(sources);
        this.store = store;
        this.clock = clock;
    }

    /**
     * Called by the processing routes ({@code routes/*-webhooks.yaml}) and by an operator's replay.
     *
     * @param providerName provider name ({@code stripe}, {@code twilio})
     * @param eventId      the event's id
     * @return the status the event now has, or null when no such event is stored (the message is dropped)
     */
    public WebhookEventStatus process(String providerName, String eventId) {
        WebhookProvider provider = WebhookProvider.ofName(providerName);
        Optional<StoredWebhookEvent> found = provider == null ? Optional.empty() : store.find(provider, eventId);
        if (found.isEmpty()) {
            LOG.warn("no stored {} webhook event {}; message dropped", providerName, eventId);
            return null;
        }
        StoredWebhookEvent event = found.get();
        if (event.payload() == null) {
            // retention clears payloads of settled events only (processed, ignored): a copy this late has nothing
            // to apply and nothing left to do
            LOG.warn("{} webhook event {} is {} and its payload was pruned; message dropped", providerName, eventId,
                    event.status().dbValue());
            return event.status();
        }
        store.countAttempt(provider, eventId);
        Applied applied;
        try {
            applied = sources.of(provider).apply(event);
        } catch (MalformedWebhookException e) {
            // its content can never be applied: kept as failed for an operator instead of being redelivered
            return record(provider, eventId, WebhookEventStatus.FAILED, event.invoiceId(), e.getMessage(), null);
        } catch (RuntimeException e) {
            try {
                record(provider, eventId, WebhookEventStatus.FAILED, event.invoiceId(),
                        e.getClass().getSimpleName() + ": " + e.getMessage(), null);
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
        return record(provider, eventId, applied.status(), applied.invoiceId(), null, clock.instant());
    }

    /**
     * Records the outcome unless another copy of the event already moved it further (status moves forward only);
     * answers the status the event is left in.
     */
    private WebhookEventStatus record(WebhookProvider provider, String eventId, WebhookEventStatus status,
                                      String invoiceId, String error, Instant processedAt) {
        if (store.recordOutcome(provider, eventId, status, invoiceId, error, processedAt)) {
            return status;
        }
        WebhookEventStatus current = store.find(provider, eventId).map(StoredWebhookEvent::status).orElse(status);
        LOG.info("{} event {} is already {}; this run's {} is not recorded", provider.dbValue(), eventId,
                current.dbValue(), status.dbValue());
        return current;
    }
}
