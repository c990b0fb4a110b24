package io.financehub.event.application;

import java.time.Duration;
import java.util.List;

/** The unpublished side of the outbox, for the publisher. */
public interface DomainEventStore {

    /**
     * Claims up to {@code limit} unpublished events that no live claim holds, for {@code lease} (by the database's
     * clock). Rows another replica is claiming at this moment are skipped, not waited for. Must run in a
     * transaction: the claim commits with it.
     */
    List<OutboundEvent> claimUnpublished(int limit, Duration lease);

    /** Marks the event published; the claim is over. */
    void markPublished(String eventId);
}
