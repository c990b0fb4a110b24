package io.financehub.invoice.application;

import io.financehub.invoice.domain.Invoice;
import io.financehub.invoice.domain.PaymentFacts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@link InvoiceRepository} in memory, for the side-effect handlers whose subject is an invoice. */
public final class InMemoryInvoices implements InvoiceRepository {

    private final Map<String, Invoice> rows = new LinkedHashMap<>();

    public InMemoryInvoices(Invoice... invoices) {
        for (Invoice invoice : invoices) {
            rows.put(invoice.invoiceId(), invoice);
        }
    }

    @Override
    public boolean insertIfAbsent(Invoice invoice) {
        return rows.putIfAbsent(invoice.invoiceId(), invoice) == null;
    }

    @Override
    public Optional<Invoice> find(String invoiceId) {
        return Optional.ofNullable(rows.get(invoiceId));
    }

    @Override
    public Optional<Invoice> findByPaymentIntent(String paymentIntentId) {
        return Optional.empty();
    }

    @Override
    public PaymentFacts mergeFacts(String invoiceId, PaymentFacts facts) {
        Invoice current = rows.get(invoiceId);
        rows.put(invoiceId, new Invoice(current.invoiceId(), current.customer(), current.amount(),
                current.description(), current.contentHash(), current.facts().merge(facts), current.createdAt()));
        return current.facts();
    }

    @Override
    public void recordPaymentIntent(String invoiceId, String paymentIntentId) {
        throw new UnsupportedOperationException();
    }
}
