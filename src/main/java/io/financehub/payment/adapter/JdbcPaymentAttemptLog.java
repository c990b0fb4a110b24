package io.financehub.payment.adapter;

import io.financehub.platform.persistence.Text;
import io.financehub.platform.persistence.SqlTime;
import io.financehub.payment.application.PaymentAttemptLog;
import io.financehub.sideeffect.application.VendorOutcome;
import io.financehub.sideeffect.domain.SideEffectStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;

/** {@link PaymentAttemptLog} on the {@code payment_attempts} table. */
public class JdbcPaymentAttemptLog implements PaymentAttemptLog {

    private final JdbcTemplate jdbc;

    public JdbcPaymentAttemptLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void started(String invoiceId, String idempotencyKey, int attempt, String request) {
        jdbc.update("INSERT INTO payment_attempts (invoice_id, idempotency_key, attempt, request, status, started_at) "
                + "VALUES (?, ?, ?, ?, 'in_progress', ?)", invoiceId, idempotencyKey, attempt, request,
                SqlTime.of(Instant.now()));
    }

    @Override
    public void finished(String idempotencyKey, int attempt, VendorOutcome outcome, SideEffectStatus status) {
        jdbc.update("UPDATE payment_attempts SET request = COALESCE(?, request), response = ?, status = ?, "
                        + "http_status = ?, error_code = ?, payment_intent_id = ?, finished_at = ? "
                        + "WHERE idempotency_key = ? AND attempt = ?",
                outcome.exchange().request(), outcome.auditResponse(), status.dbValue(),
                outcome.exchange().httpStatus(), Text.clip(outcome.rejectionCode(), 128), outcome.reference(),
                SqlTime.of(Instant.now()), idempotencyKey, attempt);
    }
}
