package io.financehub.event.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something that happened to an invoice, as flows see it. {@code eventId} is given once, when the event is written
 * to the outbox, and every re-send carries it, so a subscriber deduplicates by it. {@code data} holds plain values
 * only (strings, numbers, booleans), in the order they were put.
 */
public record DomainEvent(String eventId, EventType type, String invoiceId, Instant occurredAt,
                          Map<String, Object> data) {

    public DomainEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }
}
