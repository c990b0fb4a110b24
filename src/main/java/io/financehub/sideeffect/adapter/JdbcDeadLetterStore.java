package io.financehub.sideeffect.adapter;

import io.financehub.platform.persistence.JsonColumn;
import io.financehub.platform.persistence.SqlTime;
import io.financehub.platform.persistence.Text;
import io.financehub.sideeffect.application.DeadLetterStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link DeadLetterStore} on the {@code dead_letters} table. */
public class JdbcDeadLetterStore implements DeadLetterStore {

    private static final String COLUMNS = "id, queue, reason, message_id, idempotency_key, body, headers, attempts, "
            + "status, failed_at, retried_at";
    private static final RowMapper<DeadLetter> MAPPER = (rs, i) -> new DeadLetter(rs.getLong("id"),
            rs.getString("queue"), rs.getString("reason"), rs.getString("message_id"), rs.getString("idempotency_key"),
            rs.getString("body"), JsonColumn.read(rs.getString("headers")), rs.getInt("attempts"),
            rs.getString("status"), SqlTime.read(rs, "failed_at"), SqlTime.read(rs, "retried_at"));

    private final JdbcTemplate jdbc;

    public JdbcDeadLetterStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long record(NewDeadLetter d) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO dead_letters (queue, reason, message_id, "
                    + "idempotency_key, body, headers, attempts, status, failed_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?)",
                    new String[] {"id"});
            ps.setString(1, Text.clip(d.queue(), 255));
            ps.setString(2, Text.clip(d.reason() == null ? "unknown" : d.reason(), 4000));
            ps.setString(3, Text.clip(d.messageId(), 255));
            ps.setString(4, Text.clip(d.idempotencyKey(), 400));
            ps.setString(5, d.body());
            ps.setString(6, JsonColumn.write(d.headers()));
            ps.setInt(7, d.attempts());
            ps.setObject(8, SqlTime.of(d.failedAt()));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    @Override
    public List<DeadLetter> list(Long beforeId, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM dead_letters WHERE id < ? ORDER BY id DESC LIMIT ?", MAPPER,
                beforeId == null ? Long.MAX_VALUE : beforeId, limit);
    }

    @Override
    public Optional<DeadLetter> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM dead_letters WHERE id = ?", MAPPER, id).stream().findFirst();
    }

    @Override
    public boolean claimForRetry(long id, Duration staleAfter) {
        // retried_at holds the claim's time, by the database's clock, while the row is 'retrying'
        return jdbc.update("UPDATE dead_letters SET status = 'retrying', retried_at = " + SqlTime.DB_NOW
                + " WHERE id = ? AND (status = 'open' OR (status = 'retrying' AND retried_at < "
                + SqlTime.DB_NOW_MINUS + "))", id, SqlTime.millis(staleAfter)) == 1;
    }

    @Override
    public boolean markRetried(long id, Instant now) {
        return jdbc.update("UPDATE dead_letters SET status = 'retried', retried_at = ? WHERE id = ? "
                + "AND status = 'retrying'", SqlTime.of(now), id) == 1;
    }

    @Override
    public void releaseRetry(long id) {
        jdbc.update("UPDATE dead_letters SET status = 'open', retried_at = NULL WHERE id = ? AND status = 'retrying'",
                id);
    }
}
