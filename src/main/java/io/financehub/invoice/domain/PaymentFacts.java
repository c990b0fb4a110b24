package io.financehub.invoice.domain;

import io.financehub.invoice.domain.InvoiceStatus;

/**
 * What the hub has learnt about an invoice's payment, as monotone facts: each only ever grows
 * (flags turn on, the refunded amount only rises). Merging facts is commutative and idempotent,
 * so the status derived from them does not depend on the order or the number of events.
 */
public record PaymentFacts(boolean intentCreated, boolean succeeded, boolean failed, long refundedMinor) {

    public static final PaymentFacts NONE = new PaymentFacts(false, false, false, 0);

    public PaymentFacts merge(PaymentFacts other) {
        return new PaymentFacts(intentCreated || other.intentCreated, succeeded || other.succeeded,
                failed || other.failed, Math.max(refundedMinor, other.refundedMinor));
    }

    public InvoiceStatus statusFor(long invoiceAmountMinor) {
        if (refundedMinor > 0) {
            return refundedMinor >= invoiceAmountMinor ? InvoiceStatus.REFUNDED : InvoiceStatus.PARTIALLY_REFUNDED;
        }
        if (succeeded) {
            return InvoiceStatus.PAID;
        }
        if (failed) {
            return InvoiceStatus.PAYMENT_FAILED;
        }
        return intentCreated ? InvoiceStatus.AWAITING_PAYMENT : InvoiceStatus.ACCEPTED;
    }
}
