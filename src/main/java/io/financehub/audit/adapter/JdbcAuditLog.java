package io.financehub.audit.adapter;

import io.financehub.platform.persistence.SqlTime;
import io.financehub.platform.persistence.Text;
import io.financehub.audit.domain.CommandChannel;
import io.financehub.audit.application.AuditLog;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;

/** {@link AuditLog} on the {@code inbound_commands} table. */
public class JdbcAuditLog implements AuditLog {

    private final JdbcTemplate jdbc;

    public JdbcAuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void recordInboundCommand(CommandChannel channel, String command, String invoiceId, String contentHash,
                                     String outcome, String detail) {
        jdbc.update("INSERT INTO inbound_commands (channel, command, invoice_id, content_hash, outcome, detail, "
                        + "received_at) VALUES (?, ?, ?, ?, ?, ?, ?)", channel.name().toLowerCase(), command,
                Text.clip(invoiceId, 64), contentHash, outcome, Text.clip(detail, 4000), SqlTime.of(Instant.now()));
    }
}
