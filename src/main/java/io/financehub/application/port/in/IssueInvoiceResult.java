package io.financehub.application.port.in;

import io.financehub.domain.model.Invoice;

/** The issued invoice and whether this call was an identical replay of an earlier one. */
public record IssueInvoiceResult(Invoice invoice, boolean replayed) {
}
