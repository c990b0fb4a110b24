package io.financehub.invoice.domain;

/** The invoice's externally visible status. */
public enum InvoiceStatus {
    ACCEPTED, AWAITING_PAYMENT, PAID, PAYMENT_FAILED, PARTIALLY_REFUNDED, REFUNDED
}
