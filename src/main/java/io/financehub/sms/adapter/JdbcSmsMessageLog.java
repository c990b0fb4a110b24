package io.financehub.sms.adapter;

import io.financehub.platform.persistence.Text;
import io.financehub.platform.persistence.SqlTime;
import io.financehub.sms.application.SmsMessageLog;
import io.financehub.sideeffect.application.VendorOutcome;
import io.financehub.sideeffect.domain.SideEffectStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@link SmsMessageLog} on the {@code sms_messages} table: one row per key. */
public class JdbcSmsMessageLog implements SmsMessageLog {

    private static final String COLUMNS = "id, invoice_id, idempotency_key, to_number, template, payload, "
            + "provider_msg_id, status, error_code, request, response, created_at, updated_at";
    private static final RowMapper<SmsMessage> MAPPER = (rs, i) -> new SmsMessage(rs.getLong("id"),
            rs.getString("invoice_id"), rs.getString("idempotency_key"), rs.getString("to_number"),
            rs.getString("template"), rs.getString("payload"), rs.getString("provider_msg_id"), rs.getString("status"),
            rs.getString("error_code"), rs.getString("request"), rs.getString("response"),
            SqlTime.read(rs, "created_at"), SqlTime.read(rs, "updated_at"));

    private final JdbcTemplate jdbc;

    public JdbcSmsMessageLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void claimed(String invoiceId, String idempotencyKey, String to, String template, String payload) {
        Instant now = Instant.now();
        int inserted = jdbc.update("INSERT INTO sms_messages (invoice_id, idempotency_key, to_number, template, payload, "
                        + "status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'sending', ?, ?) ON CONFLICT DO NOTHING",
                invoiceId, idempotencyKey, to, template, payload, SqlTime.of(now), SqlTime.of(now));
        if (inserted == 0) {
            jdbc.update("UPDATE sms_messages SET status = 'sending', updated_at = ? WHERE idempotency_key = ? "
                    + "AND provider_msg_id IS NULL", SqlTime.of(now), idempotencyKey);
        }
    }

    @Override
    public void finished(String idempotencyKey, VendorOutcome outcome, SideEffectStatus status) {
        String smsStatus = switch (status) {
            case SUCCEEDED -> "queued";
            case FAILED -> "failed";
            case UNKNOWN -> "unknown";
            default -> "retrying";
        };
        // a delivery callback may already have moved the status on: never move it back to queued
        jdbc.update("UPDATE sms_messages SET provider_msg_id = COALESCE(?, provider_msg_id), request = ?, response = ?, "
                        + "error_code = ?, status = CASE WHEN status IN ('sent', 'delivered', 'undelivered') THEN status "
                        + "ELSE ? END, updated_at = ? WHERE idempotency_key = ?",
                outcome.reference(), outcome.exchange().request(), outcome.auditResponse(),
                Text.clip(outcome.rejectionCode(), 128), smsStatus, SqlTime.of(Instant.now()), idempotencyKey);
    }

    @Override
    public Optional<SmsMessage> find(String idempotencyKey) {
        return jdbc.query("SELECT " + COLUMNS + " FROM sms_messages WHERE idempotency_key = ?", MAPPER, idempotencyKey)
                .stream().findFirst();
    }

    @Override
    public List<SmsMessage> list(String status, Long beforeId, int limit) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM sms_messages WHERE id < ?");
        args.add(beforeId == null ? Long.MAX_VALUE : beforeId);
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status);
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), MAPPER, args.toArray());
    }

    @Override
    public boolean settleUnknown(String idempotencyKey, String providerMessageId, String status) {
        // a lookup matches by recipient and text, so only messages to the same number can compete for one vendor
        // id: locking that number's rows makes a concurrent settlement wait and then see the id taken
        List<String> to = jdbc.queryForList("SELECT to_number FROM sms_messages WHERE idempotency_key = ?",
                String.class, idempotencyKey);
        if (to.isEmpty()) {
            return false;
        }
        jdbc.queryForList("SELECT id FROM sms_messages WHERE to_number = ? FOR UPDATE", Long.class, to.get(0));
        return jdbc.update("UPDATE sms_messages SET provider_msg_id = ?, status = ?, error_code = NULL, updated_at = ? "
                        + "WHERE idempotency_key = ? AND status = 'unknown' AND NOT EXISTS (SELECT 1 FROM sms_messages "
                        + "held WHERE held.provider_msg_id = ? AND held.idempotency_key <> ?)", providerMessageId,
                status, SqlTime.of(Instant.now()), idempotencyKey, providerMessageId, idempotencyKey) == 1;
    }

    @Override
    public Set<String> heldByOtherKeys(Collection<String> providerMessageIds, String idempotencyKey) {
        if (providerMessageIds.isEmpty()) {
            return Set.of();
        }
        List<Object> args = new ArrayList<>(providerMessageIds);
        args.add(idempotencyKey);
        String marks = String.join(", ", Collections.nCopies(providerMessageIds.size(), "?"));
        return new HashSet<>(jdbc.queryForList("SELECT provider_msg_id FROM sms_messages WHERE provider_msg_id IN ("
                + marks + ") AND idempotency_key <> ?", String.class, args.toArray()));
    }

    @Override
    public boolean reopenForResend(String idempotencyKey) {
        // a message with a vendor id was sent (a delivery failure is not a send failure): never resent from here
        return jdbc.update("UPDATE sms_messages SET status = 'pending', error_code = NULL, updated_at = ? "
                        + "WHERE idempotency_key = ? AND status IN ('unknown', 'failed') AND provider_msg_id IS NULL",
                SqlTime.of(Instant.now()), idempotencyKey) == 1;
    }
}
