package io.financehub.application.service;

import io.financehub.application.port.in.ProcessWebhookEventUseCase;
import io.financehub.application.port.in.RelayWebhookEventsUseCase;
import io.financehub.application.port.out.WebhookEventStore;
import io.financehub.application.port.out.WebhookEventStore.EventRef;
import io.financehub.application.port.out.WebhookQueue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The webhook relay behind {@link RelayWebhookEventsUseCase}. Every replica runs it; the conditional
 * {@link WebhookEventStore#markDispatched} decides which one handles each event. An event re-queued while its
 * first message is still waiting is harmless: the processing route's duplicate filter skips the second.
 */
public class WebhookRelay implements RelayWebhookEventsUseCase {

    private static final Logger LOG = Logger.getLogger(WebhookRelay.class.getName());
    private static final int BATCH = 200;

    private final WebhookEventStore store;
    private final WebhookQueue queue;
    private final ProcessWebhookEventUseCase processing;
    private final Duration relayAfter;
    private final Clock clock;

    /** @param relayAfter how long an event may stay {@code received} after its hand-off before it is sent again */
    public WebhookRelay(WebhookEventStore store, WebhookQueue queue, ProcessWebhookEventUseCase processing,
                        Duration relayAfter, Clock clock) {
        this.store = store;
        this.queue = queue;
        this.processing = processing;
        this.relayAfter = relayAfter;
        this.clock = clock;
    }

    @Override
    public int relayUnqueued() {
        Instant now = clock.instant();
        Instant before = now.minus(relayAfter);
        int count = 0;
        for (EventRef ref : store.findUnqueued(before, BATCH)) {
            if (store.markDispatched(ref.provider(), ref.eventId(), now, before)) {
                try {
                    queue.enqueue(ref.provider(), ref.eventId());
                    count++;
                } catch (RuntimeException e) {
                    // stays 'received': the next sweep after relayAfter tries again
                    LOG.log(Level.WARNING, "relay could not queue " + ref.provider().dbValue() + " event "
                            + ref.eventId(), e);
                    break;
                }
            }
        }
        return count;
    }

    @Override
    public int reprocessMatchable() {
        Instant now = clock.instant();
        Instant before = now.minus(relayAfter);
        int count = 0;
        // processed here, not queued: the queue's duplicate filter remembers these events as completed
        for (EventRef ref : store.findMatchableUnmatched(before, BATCH)) {
            if (store.markDispatched(ref.provider(), ref.eventId(), now, before)) {
                try {
                    processing.process(ref.provider().dbValue(), ref.eventId());
                    count++;
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "re-running unmatched " + ref.provider().dbValue() + " event "
                            + ref.eventId() + " failed", e);
                }
            }
        }
        return count;
    }
}
