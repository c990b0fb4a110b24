package io.financehub.ledger.application;

import io.financehub.platform.web.NotFoundException;

/**
 * An operator's repair of a posting the ledger lost (deleted by hand, or never landed): the posting's side effect
 * is reopened under its own key and dispatched, so it runs through the same exactly-once path as the first time —
 * the worker looks the key up in the ledger before adding anything.
 */
public interface RepostLedgerEntryUseCase {

    /**
     * @throws NotRepostableException                                     when the key is not an accounting key
     * @throws NotFoundException                                          when the hub owes no posting under it
     * @throws AccountingReconciliationQuery.LedgerUnreadableException when the ledger cannot be checked first
     */
    Outcome repost(String idempotencyKey);

    enum Outcome {
        /** Reopened (or created) and handed to the accounting queue. */
        REQUEUED("requeued"),
        /** The ledger holds it and the hub recorded it: nothing to do. */
        ALREADY_POSTED("already-posted"),
        /** A worker holds it or it waits on the queue: it will settle by itself. */
        IN_FLIGHT("in-flight");

        private final String value;

        Outcome(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    /** The key is not one of an accounting posting. */
    class NotRepostableException extends RuntimeException {
        public NotRepostableException(String message) {
            super(message);
        }
    }
}
