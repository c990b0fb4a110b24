package io.financehub.sideeffect.adapter;

import io.financehub.platform.persistence.SqlTime;
import io.financehub.sideeffect.domain.SideEffectChannel;
import io.financehub.sideeffect.domain.SideEffectStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Counts for {@link SideEffectGauges}, a few aggregate queries on {@code idempotency_keys} and {@code dead_letters}.
 * Ages are measured against the database's clock, which every replica shares, so every replica reports the same.
 */
public class JdbcSideEffectCensus {

    /**
     * When a row entered its state, as far as the table tells: a pending row's creation (or, once reopened, its last
     * claim), an in-progress or retrying row's last claim (the attempt that holds it or ended retryable), an unknown
     * row's completion.
     */
    private static final String ENTERED_STATE = "CASE status WHEN 'pending' THEN COALESCE(claimed_at, created_at) "
            + "WHEN 'unknown' THEN completed_at ELSE claimed_at END";

    private final JdbcTemplate jdbc;

    public JdbcSideEffectCensus(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Census read() {
        Instant now = jdbc.queryForObject("SELECT " + SqlTime.DB_NOW, (rs, i) -> rs.getObject(1, OffsetDateTime.class))
                .toInstant();
        List<StateCount> states = jdbc.query("SELECT channel, status, COUNT(*) AS n, MIN(" + ENTERED_STATE
                + ") AS oldest FROM idempotency_keys GROUP BY channel, status", (rs, i) -> new StateCount(
                SideEffectChannel.valueOf(rs.getString("channel").toUpperCase()),
                SideEffectStatus.fromDb(rs.getString("status")), rs.getLong("n"), SqlTime.read(rs, "oldest")));
        // 'retrying' is an operator's retry under way; only 'retried' is done with
        long openDeadLetters = jdbc.queryForObject("SELECT COUNT(*) FROM dead_letters WHERE status IN "
                + "('open', 'retrying')", Long.class);
        // due now and claimed by no worker: pending rows, and retrying rows whose back-off is over
        long backlog = jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_keys WHERE status IN ('pending', "
                + "'retrying') AND (dispatched_at IS NULL OR dispatched_at <= " + SqlTime.DB_NOW + ")", Long.class);
        return new Census(now, states, openDeadLetters, backlog);
    }

    /**
     * One sample.
     *
     * @param now             the database's clock when it was taken
     * @param states          one entry per channel and status that has rows
     * @param openDeadLetters dead letters no operator has retried yet
     * @param backlog         side effects due that no worker has claimed
     */
    public record Census(Instant now, List<StateCount> states, long openDeadLetters, long backlog) {
    }

    /** @param oldest when the oldest of these rows entered the state; null when the table does not record it */
    public record StateCount(SideEffectChannel channel, SideEffectStatus status, long count, Instant oldest) {
    }
}
