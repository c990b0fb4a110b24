package io.financehub.ledger.application;

import io.financehub.sideeffect.domain.SideEffect;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** What the hub's own tables say about accounting, read for reconciliation a page at a time. */
public interface ReconciliationReadModel {

    /**
     * The period's invoices, ordered by creation time then id, strictly after {@code after} (null: from the first),
     * at most {@code limit}.
     */
    List<InvoicePostingFacts> invoices(ReconciliationPeriod period, InvoiceCursor after, int limit);

    /** These invoices (those the hub holds), in any order: to tell which period a ledger entry belongs to. */
    List<InvoicePostingFacts> invoicesById(Collection<String> invoiceIds);

    /** The side effects on the accounting channel of these invoices. */
    List<SideEffect> accountingSideEffects(Collection<String> invoiceIds);

    /** The {@code accounting_posts} rows of these invoices. */
    List<RecordedPost> recordedPosts(Collection<String> invoiceIds);

    /** Payment events stored as {@code unmatched} (no invoice was found for them) received in the period, oldest first. */
    List<UnmatchedEvent> unmatchedEvents(ReconciliationPeriod period, int limit);

    record InvoicePostingFacts(String invoiceId, String currency, long amountMinor, boolean paymentSucceeded,
                               Instant createdAt) {
    }

    record RecordedPost(String idempotencyKey, String status, String journalRef, String currency, long amountMinor,
                        int retries) {
    }

    record UnmatchedEvent(String provider, String eventId, String type, Instant receivedAt) {
    }
}
