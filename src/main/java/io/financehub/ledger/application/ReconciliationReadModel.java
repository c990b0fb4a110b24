package io.financehub.ledger.application;

import io.financehub.sideeffect.domain.SideEffect;

import java.time.Instant;
import java.util.List;

/** What the hub's own tables say about accounting, read for reconciliation. */
public interface ReconciliationReadModel {

    /** Every invoice, oldest first, with the facts that decide which postings it owes. */
    List<InvoicePostingFacts> invoices();

    /** Every side effect on the accounting channel. */
    List<SideEffect> accountingSideEffects();

    /** Every {@code accounting_posts} row. */
    List<RecordedPost> recordedPosts();

    /** Payment events stored as {@code unmatched}: no invoice was found for them. */
    List<UnmatchedEvent> unmatchedEvents();

    record InvoicePostingFacts(String invoiceId, String currency, long amountMinor, boolean paymentSucceeded) {
    }

    record RecordedPost(String idempotencyKey, String status, String journalRef, String currency, long amountMinor,
                        int retries) {
    }

    record UnmatchedEvent(String provider, String eventId, String type, Instant receivedAt) {
    }
}
