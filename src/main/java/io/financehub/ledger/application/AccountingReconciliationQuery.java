package io.financehub.ledger.application;

/** Compares what the hub owes the ledger with what the ledger holds. Reads only; changes nothing. */
public interface AccountingReconciliationQuery {

    /** @throws LedgerUnreadableException when the ledger cannot be read (a report without it would call all missing) */
    ReconciliationReport reconcile();

    /** The ledger did not answer; nothing can be reconciled against it now. */
    class LedgerUnreadableException extends RuntimeException {
        public LedgerUnreadableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
