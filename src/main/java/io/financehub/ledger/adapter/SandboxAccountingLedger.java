package io.financehub.ledger.adapter;

import io.financehub.ledger.application.AccountingLedger;
import io.financehub.sideeffect.application.VendorExchange;
import io.financehub.sideeffect.application.VendorOutcome;
import io.financehub.ledger.domain.JournalEntry;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The built-in ledger ({@code HUB_ACCOUNTING_KIND=sandbox}). Like hledger-web it has no idempotency of its own —
 * every post adds a transaction — except that its table refuses a second row per key, so a hub bug shows up
 * as an error instead of a silent duplicate.
 */
public class SandboxAccountingLedger implements AccountingLedger {

    private final JdbcTemplate jdbc;

    public SandboxAccountingLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "sandbox";
    }

    @Override
    public VendorOutcome post(JournalEntry entry) {
        String request = entry.date() + " (" + entry.idempotencyKey() + ") " + entry.description() + " | Dr "
                + entry.debitAccount() + " " + entry.amount().display() + " | Cr " + entry.creditAccount();
        int added = jdbc.update("INSERT INTO sandbox_ledger_transactions (idempotency_key, currency, amount_minor, "
                        + "debit_account, credit_account, description, posted_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING", entry.idempotencyKey(), entry.amount().currency(),
                entry.amount().amountMinor(), entry.debitAccount(), entry.creditAccount(), entry.description(),
                OffsetDateTime.now(ZoneOffset.UTC));
        if (added == 0) {
            return new VendorOutcome.Rejected("duplicate", "sandbox ledger already holds " + entry.idempotencyKey(),
                    new VendorExchange(request, "409 duplicate", 409));
        }
        String ref = findPosted(entry.idempotencyKey()).map(LedgerTransaction::reference).orElseThrow();
        return new VendorOutcome.Succeeded(ref, new VendorExchange(request, "201 " + ref, 201));
    }

    @Override
    public Optional<LedgerTransaction> findPosted(String idempotencyKey) {
        return jdbc.query("SELECT id, idempotency_key, currency, amount_minor, description FROM "
                + "sandbox_ledger_transactions WHERE idempotency_key = ?", (rs, i) -> map(rs), idempotencyKey)
                .stream().findFirst();
    }

    @Override
    public List<LedgerTransaction> transactions() {
        return jdbc.query("SELECT id, idempotency_key, currency, amount_minor, description FROM "
                + "sandbox_ledger_transactions ORDER BY id", (rs, i) -> map(rs));
    }

    private static LedgerTransaction map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new LedgerTransaction("sandbox-" + rs.getLong("id"), rs.getString("idempotency_key"),
                rs.getString("currency"), rs.getLong("amount_minor"), rs.getString("description"));
    }

}
