package io.financehub.invoice.application;


import java.util.List;

/** Reads the audit tables for an invoice's timeline. */
public interface TimelineReadModel {

    List<InvoiceTimeline.Entry> payments(String invoiceId);

    List<InvoiceTimeline.Entry> accountingPosts(String invoiceId);

    List<InvoiceTimeline.Entry> smsMessages(String invoiceId);

    List<InvoiceTimeline.WebhookEntry> webhookEvents(String invoiceId);

    List<InvoiceTimeline.FlowCallEntry> flowCalls(String invoiceId);
}
