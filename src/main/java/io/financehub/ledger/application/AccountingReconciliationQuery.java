package io.financehub.ledger.application;

/**
 * Compares what the hub owes the ledger with what the ledger holds, for the invoices created in a period. Reads
 * only; changes nothing. Each call reads the ledger once; the hub's tables are read in pages, so memory does not
 * grow with the number of invoices.
 */
public interface AccountingReconciliationQuery {

    /**
     * One page of the period's invoices, oldest first, after {@code after} (null: from the start), at most
     * {@code limit}; {@link ReconciliationReport#next()} continues. Ledger entries the hub does not owe and unmatched
     * events are listed on the first page only, so a walk through the pages lists each once.
     *
     * @throws LedgerUnreadableException when the ledger cannot be read (a report without it would call all missing)
     */
    ReconciliationReport page(ReconciliationPeriod period, InvoiceCursor after, int limit);

    /**
     * Every invoice of the period, handed to the sink as it is reconciled, then the unexpected ledger entries.
     *
     * @throws LedgerUnreadableException before anything reaches the sink, when the ledger cannot be read
     */
    ReconciliationSummary stream(ReconciliationPeriod period, ReconciliationSink sink);

    /** The ledger did not answer; nothing can be reconciled against it now. */
    class LedgerUnreadableException extends RuntimeException {
        public LedgerUnreadableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
