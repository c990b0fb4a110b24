package io.financehub.flow.adapter;

import io.financehub.flow.application.FlowCallLog;
import io.financehub.flow.domain.FlowCall;
import io.financehub.platform.persistence.SqlTime;
import io.financehub.platform.persistence.Text;
import io.financehub.sideeffect.application.VendorOutcome;
import io.financehub.sideeffect.domain.SideEffectStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;

/**
 * {@link FlowCallLog} on the {@code flow_calls} table. The row is written with the claim, before anything is sent,
 * with the declared endpoint and the request the hub means to send; the outcome completes it with the request as
 * sent (including the endpoint the exchange reached), the response and the HTTP status.
 */
public class JdbcFlowCallLog implements FlowCallLog {

    private static final int MAX_ENDPOINT = 2000;

    private final JdbcTemplate jdbc;

    public JdbcFlowCallLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void started(String invoiceId, String idempotencyKey, int attempt, FlowCall call) {
        jdbc.update("INSERT INTO flow_calls (invoice_id, idempotency_key, attempt, endpoint, request, status, "
                        + "started_at) VALUES (?, ?, ?, ?, ?, 'in_progress', ?)", invoiceId, idempotencyKey, attempt,
                Text.clip(RequestText.endpoint(call, null), MAX_ENDPOINT), RequestText.of(idempotencyKey, call, null),
                SqlTime.of(Instant.now()));
    }

    @Override
    public void finished(String idempotencyKey, int attempt, VendorOutcome outcome, SideEffectStatus status) {
        String request = outcome.exchange().request();
        String endpoint = request == null ? null : Text.clip(request.lines().findFirst().orElse(null), MAX_ENDPOINT);
        jdbc.update("UPDATE flow_calls SET endpoint = COALESCE(?, endpoint), request = COALESCE(?, request), "
                        + "response = ?, status = ?, http_status = ?, finished_at = ? "
                        + "WHERE idempotency_key = ? AND attempt = ?",
                endpoint, request, outcome.auditResponse(), status.dbValue(), outcome.exchange().httpStatus(),
                SqlTime.of(Instant.now()), idempotencyKey, attempt);
    }
}
