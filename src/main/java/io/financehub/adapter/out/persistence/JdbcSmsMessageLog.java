package io.financehub.adapter.out.persistence;

import io.financehub.application.port.out.SmsMessageLog;
import io.financehub.application.port.out.VendorOutcome;
import io.financehub.domain.model.SideEffectStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;

/** {@link SmsMessageLog} on the {@code sms_messages} table: one row per key. */
public class JdbcSmsMessageLog implements SmsMessageLog {

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
                Outcomes.reference(outcome), outcome.exchange().request(), Outcomes.response(outcome),
                Outcomes.errorCode(outcome), smsStatus, SqlTime.of(Instant.now()), idempotencyKey);
    }
}
