package io.financehub.invoice.domain;

import java.time.Instant;

/**
 * An invoice as the hub knows it. {@code contentHash} fingerprints the command that created it, so a
 * replay can be told apart from a conflicting reuse of the same invoice id.
 */
public record Invoice(String invoiceId, Customer customer, Money amount, String description,
                      String contentHash, PaymentFacts facts, Instant createdAt) {

    public InvoiceStatus status() {
        return facts.statusFor(amount.amountMinor());
    }
}
