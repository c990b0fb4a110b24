package io.financehub.event;

import io.financehub.event.adapter.DomainEventBacklogGauge;
import io.financehub.event.adapter.JdbcDomainEventOutbox;
import io.financehub.event.adapter.JdbcDomainEventStore;
import io.financehub.event.application.DomainEventOutbox;
import io.financehub.event.application.DomainEventPublisher;
import io.financehub.event.application.DomainEventStore;
import io.financehub.platform.metrics.MetricsProperties;
import io.financehub.platform.metrics.PeriodicSample;
import io.financehub.platform.persistence.TransactionRunner;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

/**
 * Domain events: the outbox the other capabilities write into inside their transactions, and the publisher the
 * {@code domain-event-publisher} route sends them to {@code hub.events} with. Knows no other capability.
 */
@Configuration
public class EventConfiguration {

    @Bean
    DomainEventOutbox domainEventOutbox(JdbcTemplate jdbc, Clock clock) {
        return new JdbcDomainEventOutbox(jdbc, clock);
    }

    @Bean
    DomainEventStore domainEventStore(JdbcTemplate jdbc) {
        return new JdbcDomainEventStore(jdbc);
    }

    /** Named for the {@code domain-event-publisher} route. */
    @Bean
    DomainEventPublisher domainEventPublisher(DomainEventStore store, TransactionRunner tx, EventProperties events) {
        return new DomainEventPublisher(store, tx, events.batchSize(), events.claimLease());
    }

    /** {@code hub_outbox_backlog{kind="domain_events"}}, read every sample period. */
    @Bean
    PeriodicSample domainEventBacklogSample(JdbcTemplate jdbc, MeterRegistry registry, MetricsProperties metrics) {
        DomainEventBacklogGauge gauge = new DomainEventBacklogGauge(jdbc, registry);
        return new PeriodicSample("domain event backlog", metrics.samplePeriod(), gauge::sample);
    }
}
