package io.financehub.ledger.adapter;

import io.financehub.ledger.application.AccountingLedger.LedgerTransaction;
import io.financehub.ledger.domain.JournalEntry;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Where the sandbox ledger keeps its transactions: shared by every replica, one per idempotency key. */
public interface SandboxLedgerStore {

    /** @return false when a transaction under the entry's key is already held (nothing was added) */
    boolean add(JournalEntry entry, Instant postedAt);

    Optional<LedgerTransaction> find(String idempotencyKey);

    /** Oldest first. */
    List<LedgerTransaction> all();

    /** Those posted at or after {@code since} (null: all), oldest first, read a bounded chunk at a time. */
    void each(Instant since, Consumer<LedgerTransaction> each);

    /** Those under these keys, in any order. */
    void withKeys(Collection<String> keys, Consumer<LedgerTransaction> each);
}
