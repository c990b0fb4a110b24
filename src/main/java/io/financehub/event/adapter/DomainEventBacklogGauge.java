package io.financehub.event.adapter;

import io.financehub.platform.metrics.SampledGauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

/** {@code hub.outbox.backlog} with {@code kind=domain_events}: domain events stored but not published yet. */
public class DomainEventBacklogGauge {

    private final JdbcTemplate jdbc;
    private final SampledGauge backlog;

    public DomainEventBacklogGauge(JdbcTemplate jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.backlog = SampledGauge.register(registry, "hub.outbox.backlog", "Rows stored and due that nothing has "
                + "taken from the outbox yet", null, List.of("kind"), List.of(List.of("domain_events")));
    }

    public void sample() {
        long unpublished = jdbc.queryForObject("SELECT COUNT(*) FROM domain_events WHERE published_at IS NULL",
                Long.class);
        backlog.update(Map.of(List.of("domain_events"), unpublished));
    }
}
