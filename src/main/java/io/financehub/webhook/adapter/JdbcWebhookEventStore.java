package io.financehub.webhook.adapter;

import io.financehub.platform.persistence.SqlTime;
import io.financehub.platform.persistence.Text;
import io.financehub.webhook.application.WebhookEventSummary;
import io.financehub.webhook.application.WebhookEventStore;
import io.financehub.webhook.domain.WebhookEventStatus;
import io.financehub.webhook.domain.WebhookProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link WebhookEventStore} on {@code webhook_events}. Each write is one auto-committed statement, so an
 * acknowledged insert is committed when this returns.
 * <p>
 * On the embedded H2 file database a commit ({@code WRITE_DELAY=0}) reaches the file before it returns, which
 * survives a killed process, but H2 never forces the file to the disk: an operating-system crash or power loss
 * could still take back a row the hub acknowledged. With {@code syncToDisk} a new event's insert is followed by
 * {@code CHECKPOINT SYNC} (an fsync), so it is on the disk before the answer, as the broker's journal is.
 * PostgreSQL needs none of this: its commit already waits for the write-ahead log to be flushed.
 */
public class JdbcWebhookEventStore implements WebhookEventStore {

    private static final String SUMMARY_COLUMNS = "id, provider, event_id, type, status, invoice_id, duplicates, "
            + "attempts, last_error, payload_hash, received_at, processed_at, source";
    private static final RowMapper<WebhookEventSummary> SUMMARY = (rs, i) -> new WebhookEventSummary(rs.getLong("id"),
            rs.getString("provider"), rs.getString("event_id"), rs.getString("type"), rs.getString("status"),
            rs.getString("invoice_id"), rs.getInt("duplicates"), rs.getInt("attempts"), rs.getString("last_error"),
            rs.getString("payload_hash"), SqlTime.read(rs, "received_at"), SqlTime.read(rs, "processed_at"),
            rs.getString("source"));
    private static final RowMapper<EventRef> REF = (rs, i) -> new EventRef(
            WebhookProvider.ofName(rs.getString("provider")), rs.getString("event_id"));

    private final JdbcTemplate jdbc;
    private final boolean syncToDisk;
    private final String processedMessages;

    /**
     * @param syncToDisk        force each new event to the disk (for the embedded H2 file database only)
     * @param processedMessages the processor name under which the processing routes' duplicate filter records
     *                          completed runs in {@code CAMEL_MESSAGEPROCESSED}
     */
    public JdbcWebhookEventStore(JdbcTemplate jdbc, boolean syncToDisk, String processedMessages) {
        this.jdbc = jdbc;
        this.syncToDisk = syncToDisk;
        this.processedMessages = processedMessages;
    }

    @Override
    public boolean insertIfAbsent(NewWebhookEvent event) {
        boolean inserted = insert(event);
        if (inserted && syncToDisk) {
            jdbc.execute("CHECKPOINT SYNC");
        }
        return inserted;
    }

    private boolean insert(NewWebhookEvent event) {
        try {
            return jdbc.update("INSERT INTO webhook_events (provider, event_id, type, payload_hash, payload, "
                            + "invoice_id, object_ref, status, received_at, source, dispatched_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + SqlTime.DB_NOW + ") ON CONFLICT DO NOTHING",
                    event.provider().dbValue(), event.envelope().eventId(), event.envelope().type(),
                    event.payloadHash(), event.payload(), event.envelope().invoiceId(), event.envelope().objectRef(),
                    WebhookEventStatus.RECEIVED.dbValue(), SqlTime.of(event.receivedAt()),
                    event.source().dbValue()) == 1;
        } catch (DuplicateKeyException e) {
            // H2 reports a concurrent insert of the same key this way instead of doing nothing
            return false;
        }
    }

    @Override
    public void countDuplicate(WebhookProvider provider, String eventId) {
        jdbc.update("UPDATE webhook_events SET duplicates = duplicates + 1 WHERE provider = ? AND event_id = ?",
                provider.dbValue(), eventId);
    }

    @Override
    public Optional<StoredWebhookEvent> find(WebhookProvider provider, String eventId) {
        return jdbc.query("SELECT provider, event_id, type, payload, invoice_id, status FROM webhook_events "
                        + "WHERE provider = ? AND event_id = ?",
                (rs, i) -> new StoredWebhookEvent(provider, rs.getString("event_id"), rs.getString("type"),
                        rs.getString("payload"), rs.getString("invoice_id"),
                        WebhookEventStatus.fromDb(rs.getString("status"))), provider.dbValue(), eventId)
                .stream().findFirst();
    }

    @Override
    public void countAttempt(WebhookProvider provider, String eventId) {
        jdbc.update("UPDATE webhook_events SET attempts = attempts + 1 WHERE provider = ? AND event_id = ?",
                provider.dbValue(), eventId);
    }

    @Override
    public boolean recordOutcome(WebhookProvider provider, String eventId, WebhookEventStatus status,
                                 String invoiceId, String error, Instant processedAt) {
        // the forward-only rule is in the WHERE clause, so concurrent copies cannot undo each other between a read
        // and a write
        return jdbc.update("UPDATE webhook_events SET status = ?, invoice_id = COALESCE(?, invoice_id), "
                        + "last_error = ?, processed_at = COALESCE(?, processed_at) WHERE provider = ? "
                        + "AND event_id = ? AND status IN (" + inList(status.predecessors()) + ")",
                status.dbValue(), invoiceId, Text.clip(error, 4000), SqlTime.of(processedAt), provider.dbValue(),
                eventId) == 1;
    }

    /** Status names are the enum's own constants, never input, so they are written into the statement. */
    private static String inList(Set<WebhookEventStatus> statuses) {
        if (statuses.isEmpty()) {
            return "NULL";
        }
        return statuses.stream().map(s -> "'" + s.dbValue() + "'").collect(Collectors.joining(", "));
    }

    @Override
    public List<EventRef> findUnqueued(Duration dispatchedMoreThan, int limit) {
        return jdbc.query("SELECT provider, event_id FROM webhook_events WHERE status = 'received' "
                        + "AND dispatched_at < " + SqlTime.DB_NOW_MINUS + " ORDER BY dispatched_at LIMIT ?", REF,
                SqlTime.millis(dispatchedMoreThan), limit);
    }

    @Override
    public List<EventRef> findMatchableUnmatched(Duration dispatchedMoreThan, int limit) {
        return jdbc.query("SELECT w.provider, w.event_id FROM webhook_events w WHERE w.status = 'unmatched' "
                        + "AND (w.dispatched_at IS NULL OR w.dispatched_at < " + SqlTime.DB_NOW_MINUS + ") AND ("
                        + "EXISTS (SELECT 1 FROM invoices i WHERE i.invoice_id = w.invoice_id) "
                        + "OR (w.provider = 'stripe' AND EXISTS (SELECT 1 FROM invoices i "
                        + "WHERE i.payment_intent_id = w.object_ref)) "
                        + "OR (w.provider = 'twilio' AND EXISTS (SELECT 1 FROM sms_messages s "
                        + "WHERE s.provider_msg_id = w.object_ref))) ORDER BY w.id LIMIT ?",
                REF, SqlTime.millis(dispatchedMoreThan), limit);
    }

    @Override
    public boolean markDispatched(WebhookProvider provider, String eventId, Duration notWithin) {
        return jdbc.update("UPDATE webhook_events SET dispatched_at = " + SqlTime.DB_NOW + " WHERE provider = ? "
                        + "AND event_id = ? AND (dispatched_at IS NULL OR dispatched_at < " + SqlTime.DB_NOW_MINUS
                        + ")", provider.dbValue(), eventId, SqlTime.millis(notWithin)) == 1;
    }

    @Override
    public boolean requeueUnmatched(WebhookProvider provider, String eventId, Duration notWithin) {
        if (jdbc.update("UPDATE webhook_events SET status = 'received', dispatched_at = " + SqlTime.DB_NOW
                        + " WHERE provider = ? AND event_id = ? AND status = 'unmatched' "
                        + "AND (dispatched_at IS NULL OR dispatched_at < " + SqlTime.DB_NOW_MINUS + ")",
                provider.dbValue(), eventId, SqlTime.millis(notWithin)) != 1) {
            return false;
        }
        // the key the processing routes give each message: provider:eventId (routes/*-webhooks.yaml)
        jdbc.update("DELETE FROM CAMEL_MESSAGEPROCESSED WHERE processorName = ? AND messageId = ?",
                processedMessages, provider.dbValue() + ":" + eventId);
        return true;
    }

    @Override
    public List<WebhookEventSummary> list(WebhookProvider provider, WebhookEventStatus status, Long beforeId,
                                          int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + SUMMARY_COLUMNS + " FROM webhook_events WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (provider != null) {
            sql.append(" AND provider = ?");
            args.add(provider.dbValue());
        }
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status.dbValue());
        }
        if (beforeId != null) {
            sql.append(" AND id < ?");
            args.add(beforeId);
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), SUMMARY, args.toArray());
    }
}
