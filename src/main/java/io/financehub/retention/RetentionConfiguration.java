package io.financehub.retention;

import io.financehub.platform.persistence.JdbcJobLease;
import io.financehub.platform.persistence.SingleReplicaSchedule;
import io.financehub.retention.adapter.JdbcRetentionStore;
import io.financehub.retention.adapter.RetentionMetrics;
import io.financehub.retention.application.RetentionPruner;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

/**
 * Retention: the pruner the {@code retention-pruner} route runs every {@code HUB_RETENTION_PERIOD}. Knows no other
 * capability's classes; it names the tables it prunes in {@link JdbcRetentionStore}, the one place that says what
 * goes and what stays (docs/retention.md).
 */
@Configuration
public class RetentionConfiguration {

    /** Named for the {@code retention-pruner} route. The policy is checked here, so a bad window stops the start. */
    @Bean
    RetentionPruner retentionPruner(RetentionProperties retention, JdbcTemplate jdbc, MeterRegistry registry,
                                    Clock clock) {
        return new RetentionPruner(retention.policy(), new JdbcRetentionStore(jdbc, clock), new JdbcJobLease(jdbc),
                new RetentionMetrics(registry), clock, SingleReplicaSchedule.replicaName(), retention.batchSize(), retention.lease());
    }

}
