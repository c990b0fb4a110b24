package io.financehub.invoice.adapter;

import io.financehub.platform.persistence.SqlTime;
import io.financehub.invoice.application.InvoiceTimeline;
import io.financehub.invoice.application.TimelineReadModel;
import io.financehub.sideeffect.domain.IdempotencyKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.List;

/**
 * The timeline's side-effect entries: every side effect under its key from the idempotency table, joined with the
 * vendor's reference and the channel-specific status from its audit table.
 */
public class JdbcTimelineReadModel implements TimelineReadModel {

    private static final RowMapper<InvoiceTimeline.Entry> ENTRY = (rs, i) -> new InvoiceTimeline.Entry(
            rs.getString("idempotency_key"), rs.getString("action"), rs.getString("status"), rs.getInt("attempts"),
            rs.getString("reference"), rs.getString("detail"), SqlTime.read(rs, "created_at"),
            SqlTime.read(rs, "completed_at"));

    private final JdbcTemplate jdbc;

    public JdbcTimelineReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<InvoiceTimeline.Entry> payments(String invoiceId) {
        return jdbc.query("SELECT k.idempotency_key, k.action, k.status, k.attempts, k.result_ref AS reference, "
                + "k.last_error AS detail, k.created_at, k.completed_at FROM idempotency_keys k "
                + "WHERE k.invoice_id = ? AND k.channel = 'payments' ORDER BY k.created_at, k.idempotency_key", ENTRY, invoiceId);
    }

    @Override
    public List<InvoiceTimeline.Entry> accountingPosts(String invoiceId) {
        return jdbc.query("SELECT k.idempotency_key, k.action, k.status, k.attempts, "
                + "COALESCE(p.journal_ref, k.result_ref) AS reference, k.last_error AS detail, k.created_at, "
                + "k.completed_at FROM idempotency_keys k LEFT JOIN accounting_posts p "
                + "ON p.idempotency_key = k.idempotency_key WHERE k.invoice_id = ? AND k.channel = 'accounting' "
                + "ORDER BY k.created_at, k.idempotency_key", ENTRY, invoiceId);
    }

    @Override
    public List<InvoiceTimeline.Entry> smsMessages(String invoiceId) {
        // the SMS entry's status is its delivery status once the vendor has it (queued, sent, delivered, ...)
        return jdbc.query("SELECT k.idempotency_key, k.action, "
                + "CASE WHEN s.provider_msg_id IS NOT NULL THEN s.status ELSE k.status END AS status, k.attempts, "
                + "COALESCE(s.provider_msg_id, k.result_ref) AS reference, k.last_error AS detail, k.created_at, "
                + "k.completed_at FROM idempotency_keys k LEFT JOIN sms_messages s "
                + "ON s.idempotency_key = k.idempotency_key WHERE k.invoice_id = ? AND k.channel = 'sms' "
                + "ORDER BY k.created_at, k.idempotency_key", ENTRY, invoiceId);
    }

    @Override
    public List<InvoiceTimeline.WebhookEntry> webhookEvents(String invoiceId) {
        return jdbc.query("SELECT provider, event_id, type, status, received_at, processed_at, source FROM webhook_events "
                        + "WHERE invoice_id = ? ORDER BY received_at, id",
                (rs, i) -> new InvoiceTimeline.WebhookEntry(rs.getString("provider"), rs.getString("event_id"),
                        rs.getString("type"), rs.getString("status"), SqlTime.read(rs, "received_at"),
                        SqlTime.read(rs, "processed_at"), rs.getString("source")), invoiceId);
    }

    @Override
    public List<InvoiceTimeline.FlowCallEntry> flowCalls(String invoiceId) {
        // endpoint and HTTP status of the latest attempt; the flow's name is its key's text after the invoice id
        return jdbc.query("SELECT k.idempotency_key, k.status, k.attempts, c.endpoint, c.http_status, "
                        + "k.last_error AS detail, k.created_at, k.completed_at FROM idempotency_keys k "
                        + "LEFT JOIN flow_calls c ON c.idempotency_key = k.idempotency_key AND c.attempt = "
                        + "(SELECT MAX(l.attempt) FROM flow_calls l WHERE l.idempotency_key = k.idempotency_key) "
                        + "WHERE k.invoice_id = ? AND k.channel = 'flows' ORDER BY k.created_at, k.idempotency_key",
                (rs, i) -> new InvoiceTimeline.FlowCallEntry(rs.getString("idempotency_key"),
                        IdempotencyKey.parse(rs.getString("idempotency_key")).actionName(), rs.getString("status"),
                        rs.getInt("attempts"), rs.getString("endpoint"), (Integer) rs.getObject("http_status",
                        Integer.class), rs.getString("detail"), SqlTime.read(rs, "created_at"),
                        SqlTime.read(rs, "completed_at")), invoiceId);
    }
}
