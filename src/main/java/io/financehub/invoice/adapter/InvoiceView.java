package io.financehub.invoice.adapter;

import io.financehub.invoice.domain.Invoice;

import java.time.Instant;

/** The invoice representation answered to {@code POST /api/invoices}. */
public record InvoiceView(String invoiceId, String status, String currency, long amountMinor, String description,
                          CustomerView customer, Instant createdAt) {

    public record CustomerView(String id, String name, String phone) {
    }

    static InvoiceView of(Invoice invoice) {
        return new InvoiceView(invoice.invoiceId(), invoice.status().name(), invoice.amount().currency(),
                invoice.amount().amountMinor(), invoice.description(),
                new CustomerView(invoice.customer().id(), invoice.customer().name(), invoice.customer().phone()),
                invoice.createdAt());
    }
}
