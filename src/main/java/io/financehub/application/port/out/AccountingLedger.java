package io.financehub.application.port.out;

import io.financehub.domain.model.JournalEntry;

import java.util.List;
import java.util.Optional;

/** A general ledger the hub posts journal entries to. */
public interface AccountingLedger {

    /** Short name of the backend for the audit ({@code hledger}, {@code xero}, {@code sandbox}). */
    String kind();

    /**
     * Posts the entry. Implementations send the entry's idempotency key where the ledger supports one; where it
     * does not, {@link #findPosted} is how a retry avoids posting twice.
     */
    VendorOutcome post(JournalEntry entry);

    /** Looks the ledger up for an entry posted under this idempotency key (a previous attempt may have landed). */
    Optional<LedgerTransaction> findPosted(String idempotencyKey);

    /** Every hub-posted transaction in the ledger, for reconciliation. */
    List<LedgerTransaction> transactions();

    /** A transaction as the ledger holds it; {@code amountMinor} is the debit total in the currency's minor unit. */
    record LedgerTransaction(String reference, String idempotencyKey, String currency, long amountMinor,
                             String description) {
    }
}
