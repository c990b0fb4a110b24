package io.financehub.event.application;

import io.financehub.event.domain.EventType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link DomainEventOutbox} in memory, for the unit tests of the services that report state changes. */
public final class RecordingOutbox implements DomainEventOutbox {

    /** One recorded event. */
    public record Recorded(EventType type, String invoiceId, Map<String, Object> data) {
    }

    private final List<Recorded> recorded = new ArrayList<>();

    @Override
    public synchronized void record(EventType type, String invoiceId, Map<String, ?> data) {
        Map<String, Object> values = new LinkedHashMap<>();
        data.forEach((k, v) -> {
            if (v != null) {
                values.put(k, v);
            }
        });
        recorded.add(new Recorded(type, invoiceId, values));
    }

    public synchronized List<Recorded> events() {
        return List.copyOf(recorded);
    }

    public synchronized List<EventType> types() {
        return recorded.stream().map(Recorded::type).toList();
    }

    public synchronized void clear() {
        recorded.clear();
    }
}
