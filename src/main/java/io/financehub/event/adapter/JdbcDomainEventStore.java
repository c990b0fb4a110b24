package io.financehub.event.adapter;

import io.financehub.event.application.DomainEventStore;
import io.financehub.event.application.OutboundEvent;
import io.financehub.platform.persistence.SqlTime;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;

/**
 * {@link DomainEventStore} on {@code domain_events}. The claim locks the rows it reads with {@code FOR UPDATE SKIP
 * LOCKED} (PostgreSQL and H2 2.x), so two replicas claiming at the same moment each get other rows, and stamps them
 * with a lease by the database's clock, so the rows stay theirs while they send them after the claim committed.
 * Deliberately no {@code ORDER BY}: H2 2.3 combines one with an index scan and {@code SKIP LOCKED} into skipping
 * unlocked rows as well (the second replica then claims nothing); events promise no order anyway.
 */
public class JdbcDomainEventStore implements DomainEventStore {

    private final JdbcTemplate jdbc;

    public JdbcDomainEventStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<OutboundEvent> claimUnpublished(int limit, Duration lease) {
        List<OutboundEvent> claimed = jdbc.query("SELECT event_id, event_type, invoice_id, payload FROM domain_events "
                        + "WHERE published_at IS NULL AND (claimed_until IS NULL OR claimed_until < " + SqlTime.DB_NOW
                        + ") FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY FOR UPDATE SKIP LOCKED",
                (rs, i) -> new OutboundEvent(rs.getString("event_id"), rs.getString("event_type"),
                        rs.getString("invoice_id"), rs.getString("payload")));
        for (OutboundEvent event : claimed) {
            jdbc.update("UPDATE domain_events SET claimed_until = " + SqlTime.DB_NOW_PLUS + " WHERE event_id = ?",
                    SqlTime.millis(lease), event.eventId());
        }
        return claimed;
    }

    @Override
    public void markPublished(String eventId) {
        jdbc.update("UPDATE domain_events SET published_at = " + SqlTime.DB_NOW + ", claimed_until = NULL "
                + "WHERE event_id = ? AND published_at IS NULL", eventId);
    }
}
