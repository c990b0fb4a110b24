package io.financehub.webhook.application;

import io.financehub.platform.persistence.TransactionRunner;
import io.financehub.webhook.application.WebhookEventStore.EventRef;

import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The webhook relay behind {@link RelayWebhookEventsUseCase}. Every replica runs it; conditional updates
 * ({@link WebhookEventStore#markDispatched}, {@link WebhookEventStore#requeueUnmatched}) decide which one handles
 * each event. An event re-queued while its first message is still waiting is harmless: the processing route's
 * duplicate filter skips the second.
 */
public class WebhookRelay implements RelayWebhookEventsUseCase {

    private static final Logger LOG = Logger.getLogger(WebhookRelay.class.getName());
    private static final int BATCH = 200;

    private final WebhookEventStore store;
    private final WebhookQueue queue;
    private final TransactionRunner tx;
    private final Duration relayAfter;

    /**
     * @param relayAfter how long an event may stay {@code received} after its hand-off before it is sent again;
     *                   measured by the database's clock, which every replica shares
     */
    public WebhookRelay(WebhookEventStore store, WebhookQueue queue, TransactionRunner tx, Duration relayAfter) {
        this.store = store;
        this.queue = queue;
        this.tx = tx;
        this.relayAfter = relayAfter;
    }

    @Override
    public int relayUnqueued() {
        int count = 0;
        for (EventRef ref : store.findUnqueued(relayAfter, BATCH)) {
            if (store.markDispatched(ref.provider(), ref.eventId(), relayAfter)) {
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
        int count = 0;
        // queued as a new delivery rather than run here: a failed run is then redelivered by the broker and, after
        // its last attempt, becomes a dead letter an operator retries, instead of being left failed with nothing
        // retrying it; and one still 'received' because the send below failed is re-sent by relayUnqueued
        for (EventRef ref : store.findMatchableUnmatched(relayAfter, BATCH)) {
            if (tx.inTransaction(() -> store.requeueUnmatched(ref.provider(), ref.eventId(), relayAfter))) {
                try {
                    queue.enqueue(ref.provider(), ref.eventId());
                    count++;
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "could not queue unmatched " + ref.provider().dbValue() + " event "
                            + ref.eventId() + " again; it is 'received' now and the relay re-sends it later", e);
                    break;
                }
            }
        }
        return count;
    }
}
