package io.financehub.application.port.out;

import io.financehub.domain.model.JournalEntry;
import io.financehub.domain.model.SideEffectStatus;

/** The {@code accounting_posts} audit table: one row per journal entry, its retries counted. */
public interface AccountingPostLog {

    /** Written inside the claim's transaction: creates the row, or counts a retry on an existing one. */
    void claimed(JournalEntry entry, String backend, String request);

    void finished(String idempotencyKey, VendorOutcome outcome, SideEffectStatus status);
}
