package io.financehub.ledger.adapter;

import io.financehub.ledger.application.AccountingLedger.LedgerTransaction;
import io.financehub.ledger.domain.JournalEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** {@link SandboxLedgerStore} in {@code sandbox_ledger_transactions}, whose unique key refuses a second row. */
public class JdbcSandboxLedgerStore implements SandboxLedgerStore {

    private static final String COLUMNS = "SELECT id, idempotency_key, currency, amount_minor, description FROM "
            + "sandbox_ledger_transactions";

    /** Rows per read of {@link #each}. */
    static final int CHUNK = 1000;

    private final JdbcTemplate jdbc;

    public JdbcSandboxLedgerStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean add(JournalEntry entry, Instant postedAt) {
        return jdbc.update("INSERT INTO sandbox_ledger_transactions (idempotency_key, currency, amount_minor, "
                        + "debit_account, credit_account, description, posted_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING", entry.idempotencyKey(), entry.amount().currency(),
                entry.amount().amountMinor(), entry.debitAccount(), entry.creditAccount(), entry.description(),
                postedAt.atOffset(ZoneOffset.UTC)) > 0;
    }

    @Override
    public Optional<LedgerTransaction> find(String idempotencyKey) {
        return jdbc.query(COLUMNS + " WHERE idempotency_key = ?", (rs, i) -> map(rs), idempotencyKey).stream()
                .findFirst();
    }

    @Override
    public List<LedgerTransaction> all() {
        return jdbc.query(COLUMNS + " ORDER BY id", (rs, i) -> map(rs));
    }

    @Override
    public void each(Instant since, Consumer<LedgerTransaction> each) {
        // keyset chunks by id: constant memory on both databases (PostgreSQL streams a result set only inside a
        // transaction), and no long-running statement
        long after = Long.MIN_VALUE;
        while (true) {
            List<Object> args = new ArrayList<>(List.of(after));
            String where = " WHERE id > ?";
            if (since != null) {
                where += " AND posted_at >= ?";
                args.add(since.atOffset(ZoneOffset.UTC));
            }
            args.add(CHUNK);
            List<IdAndTransaction> chunk = jdbc.query(COLUMNS + where + " ORDER BY id LIMIT ?",
                    (rs, i) -> new IdAndTransaction(rs.getLong("id"), map(rs)), args.toArray());
            chunk.forEach(row -> each.accept(row.transaction()));
            if (chunk.size() < CHUNK) {
                return;
            }
            after = chunk.get(chunk.size() - 1).id();
        }
    }

    @Override
    public void withKeys(Collection<String> keys, Consumer<LedgerTransaction> each) {
        List<String> all = new ArrayList<>(keys);
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
            jdbc.query(COLUMNS + " WHERE idempotency_key IN (" + String.join(", ", Collections.nCopies(chunk.size(),
                    "?")) + ")", (RowCallbackHandler) rs -> each.accept(map(rs)), chunk.toArray());
        }
    }

    private record IdAndTransaction(long id, LedgerTransaction transaction) {
    }

    private static LedgerTransaction map(ResultSet rs) throws SQLException {
        return new LedgerTransaction("sandbox-" + rs.getLong("id"), rs.getString("idempotency_key"),
                rs.getString("currency"), rs.getLong("amount_minor"), rs.getString("description"));
    }
}
