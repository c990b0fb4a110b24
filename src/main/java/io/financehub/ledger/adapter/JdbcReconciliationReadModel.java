package io.financehub.ledger.adapter;

import io.financehub.ledger.application.InvoiceCursor;
import io.financehub.ledger.application.ReconciliationPeriod;
import io.financehub.ledger.application.ReconciliationReadModel;
import io.financehub.platform.persistence.JsonColumn;
import io.financehub.platform.persistence.SqlTime;
import io.financehub.sideeffect.domain.IdempotencyKey;
import io.financehub.sideeffect.domain.SideEffect;
import io.financehub.sideeffect.domain.SideEffectStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * {@link ReconciliationReadModel} on {@code invoices}, {@code idempotency_keys}, {@code accounting_posts}: pages of
 * invoices by the {@code (created_at, invoice_id)} index, everything else by invoice id.
 */
public class JdbcReconciliationReadModel implements ReconciliationReadModel {

    private static final String INVOICE_COLUMNS = "SELECT invoice_id, currency, amount_minor, payment_succeeded, "
            + "created_at FROM invoices";
    private static final RowMapper<InvoicePostingFacts> INVOICE = (rs, i) -> new InvoicePostingFacts(
            rs.getString("invoice_id"), rs.getString("currency"), rs.getLong("amount_minor"),
            rs.getBoolean("payment_succeeded"), SqlTime.read(rs, "created_at"));

    private final JdbcTemplate jdbc;

    public JdbcReconciliationReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<InvoicePostingFacts> invoices(ReconciliationPeriod period, InvoiceCursor after, int limit) {
        StringBuilder sql = new StringBuilder(INVOICE_COLUMNS).append(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (period.from() != null) {
            sql.append(" AND created_at >= ?");
            args.add(at(period.from()));
        }
        if (period.to() != null) {
            sql.append(" AND created_at < ?");
            args.add(at(period.to()));
        }
        if (after != null) {
            // the row-value comparison written out: both H2 and PostgreSQL use the index for it
            sql.append(" AND (created_at > ? OR (created_at = ? AND invoice_id > ?))");
            args.add(at(after.createdAt()));
            args.add(at(after.createdAt()));
            args.add(after.invoiceId());
        }
        sql.append(" ORDER BY created_at, invoice_id LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), INVOICE, args.toArray());
    }

    @Override
    public List<InvoicePostingFacts> invoicesById(Collection<String> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query(INVOICE_COLUMNS + " WHERE invoice_id IN (" + placeholders(invoiceIds) + ")", INVOICE,
                invoiceIds.toArray());
    }

    @Override
    public List<SideEffect> accountingSideEffects(Collection<String> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT idempotency_key, status, attempts, parameters, result_ref, last_error, created_at, "
                        + "claimed_at, completed_at FROM idempotency_keys WHERE channel = 'accounting' "
                        + "AND invoice_id IN (" + placeholders(invoiceIds) + ") ORDER BY created_at, idempotency_key",
                (rs, i) -> new SideEffect(IdempotencyKey.parse(rs.getString("idempotency_key")),
                        SideEffectStatus.fromDb(rs.getString("status")), rs.getInt("attempts"),
                        JsonColumn.read(rs.getString("parameters")), rs.getString("result_ref"),
                        rs.getString("last_error"), SqlTime.read(rs, "created_at"), SqlTime.read(rs, "claimed_at"),
                        SqlTime.read(rs, "completed_at")), invoiceIds.toArray());
    }

    @Override
    public List<RecordedPost> recordedPosts(Collection<String> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT idempotency_key, status, journal_ref, currency, amount_minor, retries "
                        + "FROM accounting_posts WHERE invoice_id IN (" + placeholders(invoiceIds) + ") ORDER BY id",
                (rs, i) -> new RecordedPost(rs.getString("idempotency_key"), rs.getString("status"),
                        rs.getString("journal_ref"), rs.getString("currency"), rs.getLong("amount_minor"),
                        rs.getInt("retries")), invoiceIds.toArray());
    }

    @Override
    public List<UnmatchedEvent> unmatchedEvents(ReconciliationPeriod period, int limit) {
        StringBuilder sql = new StringBuilder("SELECT provider, event_id, type, received_at FROM webhook_events "
                + "WHERE status = 'unmatched'");
        List<Object> args = new ArrayList<>();
        if (period.from() != null) {
            sql.append(" AND received_at >= ?");
            args.add(at(period.from()));
        }
        if (period.to() != null) {
            sql.append(" AND received_at < ?");
            args.add(at(period.to()));
        }
        sql.append(" ORDER BY received_at, id LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, i) -> new UnmatchedEvent(rs.getString("provider"),
                rs.getString("event_id"), rs.getString("type"), SqlTime.read(rs, "received_at")), args.toArray());
    }

    private static Object at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String placeholders(Collection<?> values) {
        return String.join(", ", Collections.nCopies(values.size(), "?"));
    }
}
