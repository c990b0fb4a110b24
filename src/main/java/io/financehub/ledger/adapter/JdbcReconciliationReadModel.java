package io.financehub.ledger.adapter;

import io.financehub.platform.persistence.JsonColumn;
import io.financehub.platform.persistence.SqlTime;
import io.financehub.ledger.application.ReconciliationReadModel;
import io.financehub.sideeffect.domain.IdempotencyKey;
import io.financehub.sideeffect.domain.SideEffect;
import io.financehub.sideeffect.domain.SideEffectStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** {@link ReconciliationReadModel} on {@code invoices}, {@code idempotency_keys}, {@code accounting_posts}. */
public class JdbcReconciliationReadModel implements ReconciliationReadModel {

    private final JdbcTemplate jdbc;

    public JdbcReconciliationReadModel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<InvoicePostingFacts> invoices() {
        return jdbc.query("SELECT invoice_id, currency, amount_minor, payment_succeeded FROM invoices "
                        + "ORDER BY created_at, invoice_id",
                (rs, i) -> new InvoicePostingFacts(rs.getString("invoice_id"), rs.getString("currency"),
                        rs.getLong("amount_minor"), rs.getBoolean("payment_succeeded")));
    }

    @Override
    public List<SideEffect> accountingSideEffects() {
        return jdbc.query("SELECT idempotency_key, status, attempts, parameters, result_ref, last_error, created_at, "
                        + "claimed_at, completed_at FROM idempotency_keys WHERE channel = 'accounting' "
                        + "ORDER BY created_at, idempotency_key",
                (rs, i) -> new SideEffect(IdempotencyKey.parse(rs.getString("idempotency_key")),
                        SideEffectStatus.fromDb(rs.getString("status")), rs.getInt("attempts"),
                        JsonColumn.read(rs.getString("parameters")), rs.getString("result_ref"),
                        rs.getString("last_error"), SqlTime.read(rs, "created_at"), SqlTime.read(rs, "claimed_at"),
                        SqlTime.read(rs, "completed_at")));
    }

    @Override
    public List<RecordedPost> recordedPosts() {
        return jdbc.query("SELECT idempotency_key, status, journal_ref, currency, amount_minor, retries "
                        + "FROM accounting_posts ORDER BY id",
                (rs, i) -> new RecordedPost(rs.getString("idempotency_key"), rs.getString("status"),
                        rs.getString("journal_ref"), rs.getString("currency"), rs.getLong("amount_minor"),
                        rs.getInt("retries")));
    }

    @Override
    public List<UnmatchedEvent> unmatchedEvents() {
        return jdbc.query("SELECT provider, event_id, type, received_at FROM webhook_events WHERE status = 'unmatched' "
                        + "ORDER BY received_at, id",
                (rs, i) -> new UnmatchedEvent(rs.getString("provider"), rs.getString("event_id"), rs.getString("type"),
                        SqlTime.read(rs, "received_at")));
    }
}
