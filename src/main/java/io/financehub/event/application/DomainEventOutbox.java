package io.financehub.event.application;

import io.financehub.event.domain.EventType;

import java.util.Map;

/**
 * Where a capability writes the domain event of a state change it makes. Call it inside the transaction of that
 * change: the event then commits with the change or not at all, and the publisher sends it after the commit (at least
 * once, also after a crash). Only call it when the state did change; a repeat that changes nothing records nothing.
 */
public interface DomainEventOutbox {

    /**
     * Stores a new event with a fresh event id and the time of now, unpublished.
     *
     * @param data the event's {@code data}: plain values (strings, numbers, booleans); null values are left out
     */
    void record(EventType type, String invoiceId, Map<String, ?> data);
}
