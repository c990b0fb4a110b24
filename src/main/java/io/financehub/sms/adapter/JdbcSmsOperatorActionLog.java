package io.financehub.sms.adapter;

import io.financehub.platform.persistence.SqlTime;
import io.financehub.platform.persistence.Text;
import io.financehub.sms.application.SmsOperatorActionLog;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@link SmsOperatorActionLog} on the {@code sms_operator_actions} table. */
public class JdbcSmsOperatorActionLog implements SmsOperatorActionLog {

    private final JdbcTemplate jdbc;

    public JdbcSmsOperatorActionLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(OperatorAction a) {
        jdbc.update("INSERT INTO sms_operator_actions (idempotency_key, action, operator, outcome, previous_status, "
                        + "provider_msg_id, detail, acted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", a.idempotencyKey(),
                a.action(), Text.clip(a.operator(), 128), a.outcome(), a.previousStatus(), a.providerMessageId(),
                Text.clip(a.detail(), 4000), SqlTime.of(a.actedAt()));
    }
}
