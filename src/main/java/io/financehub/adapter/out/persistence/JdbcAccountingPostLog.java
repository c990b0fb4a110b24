package io.financehub.adapter.out.persistence;

import io.financehub.application.port.out.AccountingPostLog;
import io.financehub.application.port.out.VendorOutcome;
import io.financehub.domain.model.JournalEntry;
import io.financehub.domain.model.SideEffectStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;

/** {@link AccountingPostLog} on the {@code accounting_posts} table: one row per key, retries counted on it. */
public class JdbcAccountingPostLog implements AccountingPostLog {

    private final JdbcTemplate jdbc;

    public JdbcAccountingPostLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void claimed(JournalEntry entry, String backend, String request) {
        Instant now = Instant.now();
        int inserted = jdbc.update("INSERT INTO accounting_posts (invoice_id, idempotency_key, backend, currency, "
                        + "amount_minor, debit_account, credit_account, request, status, retries, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'in_progress', 0, ?, ?) ON CONFLICT DO NOTHING",
                entry.invoiceId(), entry.idempotencyKey(), backend, entry.amount().currency(),
                entry.amount().amountMinor(), entry.debitAccount(), entry.creditAccount(), request,
                SqlTime.of(now), SqlTime.of(now));
        if (inserted == 0) {
            jdbc.update("UPDATE accounting_posts SET retries = retries + 1, status = 'in_progress', updated_at = ? "
                    + "WHERE idempotency_key = ?", SqlTime.of(now), entry.idempotencyKey());
        }
    }

    @Override
    public void finished(String idempotencyKey, VendorOutcome outcome, SideEffectStatus status) {
        jdbc.update("UPDATE accounting_posts SET journal_ref = COALESCE(?, journal_ref), "
                        + "request = COALESCE(?, request), response = ?, status = ?, updated_at = ? WHERE idempotency_key = ?",
                Outcomes.reference(outcome), outcome.exchange().request(), Outcomes.response(outcome), status.dbValue(),
                SqlTime.of(Instant.now()), idempotencyKey);
    }
}
