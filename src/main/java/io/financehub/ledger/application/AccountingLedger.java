package io.financehub.ledger.application;

import io.financehub.sideeffect.application.VendorOutcome;
import io.financehub.ledger.domain.JournalEntry;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** A general ledger the hub posts journal entries to. */
public interface AccountingLedger {

    /** Short name of the backend for the audit ({@code hledger}, {@code xero}, {@code sandbox}). */
    String kind();

    /**
     * The vendor's name in the meters: {@code hledger}, {@code xero}, or {@code sandbox-ledger} for the in-process
     * sandbox (a plain {@code sandbox} would not say which vendor it stands in for).
     */
    String vendor();

    /**
     * Posts the entry. Implementations send the entry's idempotency key where the ledger supports one; where it
     * does not, {@link #findPosted} is how a retry avoids posting twice. Never throws for ledger errors.
     */
    VendorOutcome post(JournalEntry entry);

    /**
     * How long after a post was sent without an answer it may still be written by the ledger, unnoticed by a lookup.
     * A lookup made sooner could find nothing and post a second time; a ledger that refuses a second post under the
     * same key needs no wait (zero).
     */
    default Duration lookupDelay() {
        return Duration.ZERO;
    }

    /**
     * Looks the ledger up for an entry posted under this idempotency key (a previous attempt may have landed).
     *
     * @throws LedgerUnavailableException when the ledger cannot be read: "not found" must mean not there
     */
    Optional<LedgerTransaction> findPosted(String idempotencyKey);

    /**
     * Every hub-posted transaction in the ledger (those whose reference carries a hub accounting key), duplicates
     * included, for reconciliation.
     *
     * @throws LedgerUnavailableException when the ledger cannot be read
     */
    List<LedgerTransaction> transactions();

    /**
     * The hub-posted transactions dated on or after {@code since} (null: all), handed over one at a time, from one
     * read of the ledger. A ledger that can select by date, or stream its answer, does so; the others filter what
     * {@link #transactions()} reads. Entries dated earlier may be included: the caller decides by the key.
     *
     * @throws LedgerUnavailableException when the ledger cannot be read (possibly after some entries were handed over)
     */
    default void transactions(LocalDate since, Consumer<LedgerTransaction> each) {
        transactions().forEach(each);
    }

    /**
     * The hub-posted transactions under these keys (dated on or after {@code since}, null: any date), from one read
     * of the ledger. A ledger that can select by key does so; the others filter {@link #transactions(LocalDate,
     * Consumer)}.
     *
     * @throws LedgerUnavailableException when the ledger cannot be read
     */
    default void transactions(Set<String> keys, LocalDate since, Consumer<LedgerTransaction> each) {
        transactions(since, t -> {
            if (keys.contains(t.idempotencyKey())) {
                each.accept(t);
            }
        });
    }

    /** A transaction as the ledger holds it; {@code amountMinor} is the debit total in the currency's minor unit. */
    record LedgerTransaction(String reference, String idempotencyKey, String currency, long amountMinor,
                             String description) {
    }

    /**
     * The ledger could not be read. Lookups throw this instead of answering "not found": a retry that took a
     * failed read for an absent transaction would post it a second time.
     */
    class LedgerUnavailableException extends RuntimeException {
        public LedgerUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
