package io.financehub.retention.adapter;

import io.financehub.platform.persistence.SqlTime;
import io.financehub.retention.application.RetentionStore;
import io.financehub.retention.domain.PrunedRecord;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * {@link RetentionStore} in SQL that H2 and PostgreSQL both run: each batch is one auto-committed statement (its own
 * short transaction) on the ids a {@code LIMIT}ed sub-select picks through the indexes of {@code V10__retention.sql},
 * so it reads about {@code limit} index entries however large the table or the backlog. No {@code ORDER BY}: which
 * due rows go first does not matter, and sorting would read the whole backlog each batch. The conditions that keep
 * what explains a side effect (status, outcome, published) are in every statement.
 */
public class JdbcRetentionStore implements RetentionStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    /** @param clock stamps {@code payload_pruned_at}, a time people read */
    public JdbcRetentionStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public int pruneBatch(PrunedRecord record, Instant cutoff, int limit) {
        return switch (record) {
            // the row stays (dedup, audit, timeline); only a settled event's payload goes: received, unmatched and
            // failed events still wait for the relay, their invoice or an operator's replay, which read the payload
            case WEBHOOK_PAYLOADS -> jdbc.update("UPDATE webhook_events SET payload = NULL, payload_pruned_at = ? "
                    + "WHERE id IN (SELECT id FROM webhook_events WHERE status IN ('processed', 'ignored') "
                    + "AND payload_pruned_at IS NULL AND received_at < ? LIMIT ?)",
                    SqlTime.of(clock.instant()), SqlTime.of(cutoff), limit);
            case ROUTE_EXCHANGES -> jdbc.update("DELETE FROM route_exchanges WHERE id IN (SELECT id FROM "
                    + "route_exchanges WHERE recorded_at < ? LIMIT ?)", SqlTime.of(cutoff), limit);
            // Camel writes createdAt as a TIMESTAMP without zone from the JVM's clock and zone: compared the same way
            case PROCESSED_MESSAGE_IDS -> jdbc.update("DELETE FROM CAMEL_MESSAGEPROCESSED WHERE (processorName, "
                    + "messageId) IN (SELECT processorName, messageId FROM CAMEL_MESSAGEPROCESSED WHERE createdAt < ? "
                    + "LIMIT ?)", Timestamp.from(cutoff), limit);
            // 'accepted' is the command that created the invoice and its side effects: kept with them
            case INBOUND_COMMANDS -> jdbc.update("DELETE FROM inbound_commands WHERE id IN (SELECT id FROM "
                    + "inbound_commands WHERE outcome IN ('replayed', 'rejected', 'conflict') AND received_at < ? "
                    + "LIMIT ?)", SqlTime.of(cutoff), limit);
            // settled only: an open dead letter waits for an operator, a 'retrying' one is mid-retry
            case DEAD_LETTERS -> jdbc.update("DELETE FROM dead_letters WHERE id IN (SELECT id FROM dead_letters "
                    + "WHERE status = 'retried' AND retried_at < ? LIMIT ?)", SqlTime.of(cutoff), limit);
            // published_at is NULL until published: an unpublished event never matches
            case DOMAIN_EVENTS -> jdbc.update("DELETE FROM domain_events WHERE id IN (SELECT id FROM domain_events "
                    + "WHERE published_at < ? LIMIT ?)", SqlTime.of(cutoff), limit);
        };
    }
}
