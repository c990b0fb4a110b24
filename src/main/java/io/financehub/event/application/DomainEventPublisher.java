package io.financehub.event.application;

import io.financehub.platform.persistence.TransactionRunner;

import java.time.Duration;
import java.util.List;

/**
 * The two steps around each send of the {@code domain-event-publisher} route: claim a batch, and mark each event
 * published once the broker took it. A replica that dies between the send and the mark leaves the claim to run out;
 * the next claim sends the event again under the same event id (at least once). Two replicas never claim the same
 * row at once, so duplicates need a crash or a send slower than the lease.
 */
public class DomainEventPublisher {

    private final DomainEventStore store;
    private final TransactionRunner tx;
    private final int batchSize;
    private final Duration lease;

    public DomainEventPublisher(DomainEventStore store, TransactionRunner tx, int batchSize, Duration lease) {
        this.store = store;
        this.tx = tx;
        this.batchSize = batchSize;
        this.lease = lease;
    }

    /** The events to send now, claimed for the lease. */
    public List<OutboundEvent> claimBatch() {
        return tx.inTransaction(() -> store.claimUnpublished(batchSize, lease));
    }

    /** Called after the broker accepted the event. */
    public void markPublished(String eventId) {
        store.markPublished(eventId);
    }
}
