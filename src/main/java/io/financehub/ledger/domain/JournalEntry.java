package io.financehub.ledger.domain;

import io.financehub.invoice.domain.Invoice;
import io.financehub.invoice.domain.Money;
import io.financehub.sideeffect.domain.SideEffectAction;
import java.time.LocalDate;

/**
 * A balanced two-line journal entry: {@code amount} debited to one account and credited to another. The
 * idempotency key travels with it so a ledger can be searched for it (hledger's {@code tcode}).
 */
public record JournalEntry(String idempotencyKey, String invoiceId, LocalDate date, String description, Money amount,
                           String debitAccount, String creditAccount) {

    public static final String RECEIVABLE = "assets:receivable";
    public static final String SALES = "revenue:sales";
    public static final String STRIPE = "assets:stripe";

    /** Which accounts each posting action moves money between. */
    public static JournalEntry forAction(SideEffectAction action, String idempotencyKey, Invoice invoice,
                                         Money amount, LocalDate date) {
        return switch (action) {
            case POST_INVOICE -> new JournalEntry(idempotencyKey, invoice.invoiceId(), date,
                    "Invoice " + invoice.invoiceId() + " issued", amount, RECEIVABLE, SALES);
            case POST_PAYMENT -> new JournalEntry(idempotencyKey, invoice.invoiceId(), date,
                    "Payment received for invoice " + invoice.invoiceId(), amount, STRIPE, RECEIVABLE);
            case POST_REFUND -> new JournalEntry(idempotencyKey, invoice.invoiceId(), date,
                    "Refund for invoice " + invoice.invoiceId(), amount, SALES, STRIPE);
            default -> throw new IllegalArgumentException(action + " is not an accounting action");
        };
    }
}
