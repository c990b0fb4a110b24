package io.financehub.ledger.adapter;

import io.financehub.ledger.application.AccountingLedger;
import io.financehub.sideeffect.application.VendorExchange;
import io.financehub.sideeffect.application.VendorOutcome;
import io.financehub.ledger.domain.JournalEntry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The built-in ledger ({@code HUB_ACCOUNTING_KIND=sandbox}). Like hledger-web it has no idempotency of its own —
 * every post adds a transaction — except that its store refuses a second transaction per key, so a hub bug shows up
 * as an error instead of a silent duplicate.
 */
public class SandboxAccountingLedger implements AccountingLedger {

    private final SandboxLedgerStore store;

    public SandboxAccountingLedger(SandboxLedgerStore store) {
        this.store = store;
    }

    @Override
    public String vendor() {
        return "sandbox-ledger";
    }

    @Override
    public String kind() {
        return "sandbox";
    }

    @Override
    public VendorOutcome post(JournalEntry entry) {
        String request = entry.date() + " (" + entry.idempotencyKey() + ") " + entry.description() + " | Dr "
                + entry.debitAccount() + " " + entry.amount().display() + " | Cr " + entry.creditAccount();
        if (!store.add(entry, Instant.now())) {
            return new VendorOutcome.Rejected("duplicate", "sandbox ledger already holds " + entry.idempotencyKey(),
                    new VendorExchange(request, "409 duplicate", 409));
        }
        String ref = findPosted(entry.idempotencyKey()).map(LedgerTransaction::reference).orElseThrow();
        return new VendorOutcome.Succeeded(ref, new VendorExchange(request, "201 " + ref, 201));
    }

    @Override
    public Optional<LedgerTransaction> findPosted(String idempotencyKey) {
        return store.find(idempotencyKey);
    }

    @Override
    public List<LedgerTransaction> transactions() {
        return store.all();
    }

    /** Read in chunks from its table, from the start of {@code since} (UTC): nothing is held. */
    @Override
    public void transactions(LocalDate since, Consumer<LedgerTransaction> each) {
        store.each(since == null ? null : since.atStartOfDay(ZoneOffset.UTC).toInstant(), each);
    }

    /** By key from its table (the unique key's index): a page's postings cost a page's rows, not the ledger. */
    @Override
    public void transactions(Set<String> keys, LocalDate since, Consumer<LedgerTransaction> each) {
        store.withKeys(keys, each);
    }
}
