package io.financehub.event.adapter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.financehub.event.application.DomainEventOutbox;
import io.financehub.event.domain.DomainEvent;
import io.financehub.event.domain.EventType;
import io.financehub.platform.persistence.SqlTime;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@link DomainEventOutbox} on {@code domain_events}: the message body is rendered once, here, and stored, so every
 * re-send is byte for byte the first one. Runs on the caller's connection, so it joins the caller's transaction.
 */
public class JdbcDomainEventOutbox implements DomainEventOutbox {

    /** Its own mapper, not the application's: the wire format must not follow Spring's Jackson settings. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public JdbcDomainEventOutbox(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void record(EventType type, String invoiceId, Map<String, ?> data) {
        Map<String, Object> values = new LinkedHashMap<>();
        data.forEach((k, v) -> {
            if (v != null) {
                values.put(k, v);
            }
        });
        // microseconds: what both databases keep of occurred_at, so the column and the body agree
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        DomainEvent event = new DomainEvent(UUID.randomUUID().toString(), type, invoiceId, now, values);
        jdbc.update("INSERT INTO domain_events (event_id, event_type, invoice_id, occurred_at, payload) "
                        + "VALUES (?, ?, ?, ?, ?)", event.eventId(), type.wireName(), invoiceId,
                SqlTime.of(event.occurredAt()), body(event));
    }

    String body(DomainEvent event) {
        ObjectNode root = JSON.createObjectNode();
        root.put("eventId", event.eventId());
        root.put("eventType", event.type().wireName());
        root.put("invoiceId", event.invoiceId());
        root.put("occurredAt", event.occurredAt().toString());
        root.set("data", JSON.valueToTree(event.data()));
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data not serialisable: " + event.data(), e);
        }
    }
}
