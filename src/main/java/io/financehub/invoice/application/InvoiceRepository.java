package io.financehub.invoice.application;

import io.financehub.invoice.domain.Invoice;
import io.financehub.invoice.domain.PaymentFacts;
import io.financehub.sideeffect.domain.SideEffect;

import java.util.Optional;

/** Stores invoices and the payment facts their status is derived from. */
public interface InvoiceRepository {

    /** Inserts the invoice unless one with its id exists; safe under concurrent inserts of one id. */
    boolean insertIfAbsent(Invoice invoice);

    Optional<Invoice> find(String invoiceId);

    /**
     * The invoice {@code effect} acts on: the subject of the payment, ledger and SMS side-effect handlers.
     *
     * @throws IllegalStateException when there is none (a side effect is only ever created with its invoice)
     */
    default Invoice subjectOf(SideEffect effect) {
        return find(effect.invoiceId())
                .orElseThrow(() -> new IllegalStateException("side effect " + effect.key() + " has no invoice"));
    }

    /** Finds the invoice whose PaymentIntent the hub created (for Stripe objects without our metadata). */
    Optional<Invoice> findByPaymentIntent(String paymentIntentId);

    /**
     * Merges new facts into the stored ones (flags OR-ed, refunded amount maxed) under a row lock, and stores
     * the status derived from the result. Merging is commutative, so concurrent and reordered events agree.
     *
     * @return the facts as they were before this merge, read under the lock: what the merge changed is what the
     *         caller reports (domain events)
     */
    PaymentFacts mergeFacts(String invoiceId, PaymentFacts facts);

    /** Remembers the PaymentIntent created for the invoice. */
    void recordPaymentIntent(String invoiceId, String paymentIntentId);
}
