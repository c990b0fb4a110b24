package io.financehub.webhook.application;

import io.financehub.platform.persistence.TransactionRunner;
import io.financehub.webhook.application.WebhookEventStore.EventRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * The webhook relay, run on a timer by every replica ({@code routes/webhook-relay.camel.yaml}): the outbox half of durable
 * acknowledgement, and the retry of events that arrived before the invoice or message they are about. Conditional
 * updates ({@link WebhookEventStore#markDispatched}, {@link WebhookEventStore#requeueUnmatched}) decide which
 * replica handles each event. An event re-queued while its first message is still waiting is harmless: the
 * processing route's duplicate filter skips the second.
 */
public class WebhookRelay {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRelay.class);
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

    /**
     * Puts events that are stored but still {@code received} long after their last hand-off back on their queue
     * (the hub stopped between commit and send, or the send failed). Each event is sent by one replica only.
     *
     * @return how many events were queued
     */
    public int relayUnqueued() {
        int count = 0;
        for (EventRef ref : store.findUnqueued(relayAfter, BATCH)) {
            if (store.markDispatched(ref.provider(), ref.eventId(), relayAfter)) {
                try {
                    queue.enqueue(ref.provider(), ref.eventId());
                    count++;
                } catch (RuntimeException e) {
                    // stays 'received': the next sweep after relayAfter tries again
                    LOG.warn("relay could not queue {} event {}", ref.provider().dbValue(), ref.eventId(), e);
                    break;
                }
            }
        }
        return count;
    }

    /**
     * Queues {@code unmatched} events whose invoice (Stripe) or message (Twilio) is now known again, as new
     * deliveries: back in {@code received}, they are retried and dead-lettered like any other delivery when
     * processing fails.
     *
     * @return how many events were queued again
     */
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
                    LOG.warn("could not queue unmatched {} event {} again; it is 'received' now and the relay "
                            + "re-sends it later", ref.provider().dbValue(), ref.eventId(), e);
                    break;
                }
            }
        }
        return count;
    }
}
