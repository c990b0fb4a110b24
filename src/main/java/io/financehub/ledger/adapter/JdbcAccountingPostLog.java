package io.financehub.ledger.adapter;

import io.financehub.platform.persistence.SqlTime;
import io.financehub.ledger.application.AccountingPostLog;
import io.financehub.sideeffect.application.VendorOutcome;
import io.financehub.ledger.domain.JournalEntry;
import io.financehub.sideeffect.domain.SideEffectStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

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
                outcome.reference(), outcome.exchange().request(), outcome.auditResponse(), status.dbValue(),
                SqlTime.of(Instant.now()), idempotencyKey);
    }

    @Override
    public void sending(String idempotencyKey, Instant sentAt) {
        jdbc.update("UPDATE accounting_posts SET unanswered_post_at = ? WHERE idempotency_key = ?",
                SqlTime.of(storable(sentAt)), idempotencyKey);
    }

    @Override
    public void answered(String idempotencyKey, Instant sentAt) {
        jdbc.update("UPDATE accounting_posts SET unanswered_post_at = NULL WHERE idempotency_key = ? "
                + "AND unanswered_post_at <= ?", idempotencyKey, SqlTime.of(storable(sentAt)));
    }

    /**
     * Microseconds, what both databases keep: they round finer instants, which could store a mark a fraction later
     * than the instant {@link #answered} compares it with.
     */
    private static Instant storable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public Optional<Instant> unansweredPostSentAt(String idempotencyKey) {
        return jdbc.query("SELECT unanswered_post_at FROM accounting_posts WHERE idempotency_key = ?",
                (rs, i) -> SqlTime.read(rs, "unanswered_post_at"), idempotencyKey).stream()
                .filter(Objects::nonNull).findFirst();
    }
}
