package io.financehub.invoice.application;


import java.util.Optional;

/** Assembles an invoice's timeline from the invoice and its audit records. */
public class InvoiceTimelineService implements InvoiceTimelineQuery {

    private final InvoiceRepository invoices;
    private final TimelineReadModel readModel;

    public InvoiceTimelineService(InvoiceRepository invoices, TimelineReadModel readModel) {
        this.invoices = invoices;
        this.readModel = readModel;
    }

    @Override
    public Optional<InvoiceTimeline> timeline(String invoiceId) {
        return invoices.find(invoiceId).map(invoice -> new InvoiceTimeline(invoice.invoiceId(), invoice.status().name(),
                invoice.amount().currency(), invoice.amount().amountMinor(), invoice.createdAt(),
                readModel.payments(invoiceId), readModel.accountingPosts(invoiceId),
                readModel.smsMessages(invoiceId), readModel.webhookEvents(invoiceId),
                readModel.flowCalls(invoiceId)));
    }
}
