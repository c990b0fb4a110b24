package io.financehub.ledger.application;

import io.financehub.ledger.application.ReconciliationReport.InvoiceLines;
import io.financehub.ledger.application.ReconciliationReport.Problem;

/** Takes a full reconciliation pass as it is made, so nothing of it has to be held (a CSV writer, a counter). */
public interface ReconciliationSink {

    /** The ledger has been read: rows follow. Nothing is handed on before, so a failed read can still be answered. */
    default void start() {
    }

    /** One invoice and its postings, in invoice order. */
    void invoice(InvoiceLines invoice);

    /** A ledger entry under a hub key the hub does not owe; after every invoice. */
    void unexpected(Problem problem);

    /** Keeps nothing: for a run that only wants the {@link ReconciliationSummary}. */
    ReconciliationSink DISCARD = new ReconciliationSink() {
        @Override
        public void invoice(InvoiceLines invoice) {
        }

        @Override
        public void unexpected(Problem problem) {
        }
    };
}
