package io.financehub.sms.adapter;

import io.financehub.platform.persistence.SqlTime;
import io.financehub.sms.application.UnsettledSmsLog;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;

/** {@link UnsettledSmsLog} on {@code sms_messages} ({@code settle_checked_at}, index {@code ix_sms_messages_settle}). */
public class JdbcUnsettledSmsLog implements UnsettledSmsLog {

    private final JdbcTemplate jdbc;

    public JdbcUnsettledSmsLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<UnsettledSms> findUnsettled(Instant unchangedBefore, Instant checkedBefore, int limit) {
        return jdbc.query("SELECT provider_msg_id, status FROM sms_messages "
                        + "WHERE status IN ('queued', 'accepted', 'scheduled', 'sending', 'sent') "
                        + "AND provider_msg_id IS NOT NULL AND updated_at < ? "
                        + "AND (settle_checked_at IS NULL OR settle_checked_at < ?) "
                        + "ORDER BY settle_checked_at NULLS FIRST, updated_at, id LIMIT ?",
                (rs, i) -> new UnsettledSms(rs.getString("provider_msg_id"), rs.getString("status")),
                SqlTime.of(unchangedBefore), SqlTime.of(checkedBefore), limit);
    }

    @Override
    public void markChecked(String providerMessageId, Instant at) {
        jdbc.update("UPDATE sms_messages SET settle_checked_at = ? WHERE provider_msg_id = ?", SqlTime.of(at),
                providerMessageId);
    }
}
