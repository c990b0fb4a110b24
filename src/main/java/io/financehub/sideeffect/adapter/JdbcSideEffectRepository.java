package io.financehub.sideeffect.adapter;

import io.financehub.platform.persistence.JsonColumn;
import io.financehub.platform.persistence.SqlTime;
import io.financehub.sideeffect.application.SideEffectRepository;
import io.financehub.sideeffect.domain.IdempotencyKey;
import io.financehub.sideeffect.domain.SideEffect;
import io.financehub.sideeffect.domain.SideEffectStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link SideEffectRepository} on the {@code idempotency_keys} table; claims are single conditional updates. */
public class JdbcSideEffectRepository implements SideEffectRepository {

    private static final String COLUMNS = "idempotency_key, status, attempts, parameters, result_ref, last_error, "
            + "created_at, claimed_at, completed_at";
    private static final RowMapper<SideEffect> MAPPER = (rs, i) -> new SideEffect(
            IdempotencyKey.parse(rs.getString("idempotency_key")), SideEffectStatus.fromDb(rs.getString("status")),
            rs.getInt("attempts"), JsonColumn.read(rs.getString("parameters")), rs.getString("result_ref"),
            rs.getString("last_error"), SqlTime.read(rs, "created_at"), SqlTime.read(rs, "claimed_at"),
            SqlTime.read(rs, "completed_at"));

    private final JdbcTemplate jdbc;

    public JdbcSideEffectRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean createIfAbsent(IdempotencyKey key, Map<String, String> parameters, Instant now) {
        return jdbc.update("INSERT INTO idempotency_keys (idempotency_key, invoice_id, action, channel, status, "
                        + "attempts, parameters, created_at, dispatched_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?, "
                        + SqlTime.DB_NOW + ") ON CONFLICT DO NOTHING",
                key.value(), key.invoiceId(), key.action().keyPart(), key.action().channel().name().toLowerCase(),
                SideEffectStatus.PENDING.dbValue(), JsonColumn.write(parameters), SqlTime.of(now)) == 1;
    }

    @Override
    public Optional<SideEffect> find(String idempotencyKey) {
        return jdbc.query("SELECT " + COLUMNS + " FROM idempotency_keys WHERE idempotency_key = ?", MAPPER,
                idempotencyKey).stream().findFirst();
    }

    @Override
    public List<SideEffect> findByInvoice(String invoiceId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM idempotency_keys WHERE invoice_id = ? ORDER BY created_at, "
                + "idempotency_key", MAPPER, invoiceId);
    }

    @Override
    public Claim claim(String idempotencyKey, Duration lease) {
        int fresh = jdbc.update("UPDATE idempotency_keys SET status = 'in_progress', attempts = attempts + 1, "
                        + "claimed_at = " + SqlTime.DB_NOW + " WHERE idempotency_key = ? "
                        + "AND status IN ('pending', 'retrying')", idempotencyKey);
        if (fresh == 1) {
            return new Claim(ClaimKind.FRESH, find(idempotencyKey).orElseThrow());
        }
        int takeover = jdbc.update("UPDATE idempotency_keys SET attempts = attempts + 1, claimed_at = "
                        + SqlTime.DB_NOW + " WHERE idempotency_key = ? AND status = 'in_progress' "
                        + "AND claimed_at < " + SqlTime.DB_NOW_MINUS, idempotencyKey, SqlTime.millis(lease));
        if (takeover == 1) {
            return new Claim(ClaimKind.TAKEOVER, find(idempotencyKey).orElseThrow());
        }
        return new Claim(ClaimKind.NONE, null);
    }

    @Override
    public void complete(String idempotencyKey, SideEffectStatus status, String resultRef, String error, Instant now) {
        jdbc.update("UPDATE idempotency_keys SET status = ?, result_ref = COALESCE(?, result_ref), last_error = ?, "
                        + "completed_at = ? WHERE idempotency_key = ?",
                status.dbValue(), resultRef, truncate(error), SqlTime.of(now), idempotencyKey);
    }

    @Override
    public boolean recordOutcome(String idempotencyKey, int attempt, SideEffectStatus status, String resultRef,
                                 String error, Instant now) {
        return jdbc.update("UPDATE idempotency_keys SET status = ?, result_ref = COALESCE(?, result_ref), "
                        + "last_error = ?, completed_at = ? WHERE idempotency_key = ? AND status = 'in_progress' "
                        + "AND attempts = ?", status.dbValue(), resultRef, truncate(error), SqlTime.of(now),
                idempotencyKey, attempt) == 1;
    }

    @Override
    public boolean scheduleRetry(String idempotencyKey, int attempt, String error, Duration delay) {
        return jdbc.update("UPDATE idempotency_keys SET status = 'retrying', last_error = ?, dispatched_at = "
                        + SqlTime.DB_NOW_PLUS + " WHERE idempotency_key = ? AND status = 'in_progress' "
                        + "AND attempts = ?", truncate(error), SqlTime.millis(delay), idempotencyKey, attempt) == 1;
    }

    @Override
    public List<SideEffect> findDueForRedispatch(Duration redispatchAfter, Duration lease, int limit) {
        long after = SqlTime.millis(redispatchAfter);
        return jdbc.query("SELECT " + COLUMNS + " FROM idempotency_keys WHERE "
                        + "(status IN ('pending', 'retrying') AND (dispatched_at IS NULL OR dispatched_at < "
                        + SqlTime.DB_NOW_MINUS + ")) OR (status = 'in_progress' AND claimed_at < "
                        + SqlTime.DB_NOW_MINUS + " AND (dispatched_at IS NULL OR dispatched_at < "
                        + SqlTime.DB_NOW_MINUS + ")) ORDER BY created_at LIMIT ?",
                MAPPER, after, SqlTime.millis(lease), after, limit);
    }

    @Override
    public boolean markDispatched(String idempotencyKey) {
        return jdbc.update("UPDATE idempotency_keys SET dispatched_at = " + SqlTime.DB_NOW + " WHERE "
                + "idempotency_key = ? AND (dispatched_at IS NULL OR dispatched_at < " + SqlTime.DB_NOW + ")",
                idempotencyKey) == 1;
    }

    @Override
    public boolean markDispatched(String idempotencyKey, Duration notWithin) {
        return jdbc.update("UPDATE idempotency_keys SET dispatched_at = " + SqlTime.DB_NOW + " WHERE "
                        + "idempotency_key = ? AND (dispatched_at IS NULL OR dispatched_at < "
                        + SqlTime.DB_NOW_MINUS + ")", idempotencyKey, SqlTime.millis(notWithin)) == 1;
    }

    @Override
    public boolean reopen(String idempotencyKey, Instant now) {
        return jdbc.update("UPDATE idempotency_keys SET status = 'pending', completed_at = NULL, dispatched_at = NULL "
                + "WHERE idempotency_key = ? AND status IN ('failed', 'unknown')", idempotencyKey) == 1;
    }

    @Override
    public boolean reopenForRepost(String idempotencyKey, Instant now) {
        return jdbc.update("UPDATE idempotency_keys SET status = 'pending', completed_at = NULL, dispatched_at = NULL, "
                + "last_error = ? WHERE idempotency_key = ? AND status IN ('succeeded', 'failed', 'unknown')",
                "reopened for repost at " + now, idempotencyKey) == 1;
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 4000 ? s : s.substring(0, 4000);
    }
}
