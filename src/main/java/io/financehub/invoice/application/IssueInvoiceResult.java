package io.financehub.invoice.application;

import io.financehub.invoice.domain.Invoice;

/** The issued invoice and whether this call was an identical replay of an earlier one. */
public record IssueInvoiceResult(Invoice invoice, boolean replayed) {
}
