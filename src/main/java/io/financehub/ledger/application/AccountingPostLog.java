package io.financehub.ledger.application;

import io.financehub.sideeffect.application.VendorOutcome;
import io.financehub.ledger.domain.JournalEntry;
import io.financehub.sideeffect.domain.SideEffectStatus;

import java.time.Instant;
import java.util.Optional;

/** The {@code accounting_posts} audit table: one row per journal entry, its retries counted. */
public interface AccountingPostLog {

    /** Written inside the claim's transaction: creates the row, or counts a retry on an existing one. */
    void claimed(JournalEntry entry, String backend, String request);

    void finished(String idempotencyKey, VendorOutcome outcome, SideEffectStatus status);

    /**
     * Written right before a post is sent, outside any transaction: until {@link #answered} clears it, that post may
     * still land in the ledger — as every replica sees, also after this one died with the request in flight.
     */
    void sending(String idempotencyKey, Instant sentAt);

    /** The post sent at {@code sentAt} was answered; a mark set later, by a later post, stays. */
    void answered(String idempotencyKey, Instant sentAt);

    /** When the last post still without an answer was sent, if there is one. */
    Optional<Instant> unansweredPostSentAt(String idempotencyKey);
}
