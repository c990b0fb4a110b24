package io.financehub.sms.adapter;

import io.financehub.platform.persistence.SqlTime;
import io.financehub.sms.application.SmsDeliveryLog;
import io.financehub.sms.domain.SmsDeliveryStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@link SmsDeliveryLog} on {@code sms_messages}: the forward-only rule is part of the UPDATE's WHERE clause. */
public class JdbcSmsDeliveryLog implements SmsDeliveryLog {

    private final JdbcTemplate jdbc;

    public JdbcSmsDeliveryLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<DeliveredSms> find(String providerMessageId) {
        return jdbc.query("SELECT invoice_id, idempotency_key, template, status FROM sms_messages "
                        + "WHERE provider_msg_id = ?", (rs, i) -> new DeliveredSms(rs.getString("invoice_id"),
                        rs.getString("idempotency_key"), rs.getString("template"), rs.getString("status")),
                providerMessageId).stream().findFirst();
    }

    @Override
    public boolean advance(String providerMessageId, SmsDeliveryStatus status) {
        // statuses this one may replace: every status ranked below it, plus the hub's own pre-delivery states
        String replaceable = Arrays.stream(SmsDeliveryStatus.values()).filter(s -> s.canMoveTo(status))
                .map(s -> "'" + s.dbValue() + "'").collect(Collectors.joining(", "));
        String from = replaceable.isEmpty() ? "'sending', 'unknown', 'retrying'"
                : replaceable + ", 'sending', 'unknown', 'retrying'";
        return jdbc.update("UPDATE sms_messages SET status = ?, updated_at = ? WHERE provider_msg_id = ? AND status IN ("
                + from + ")", status.dbValue(), SqlTime.of(Instant.now()), providerMessageId) == 1;
    }
}
