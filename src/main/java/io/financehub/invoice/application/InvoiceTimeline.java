package io.financehub.invoice.application;

import java.time.Instant;
import java.util.List;

/** The {@code GET /api/invoices/{id}} answer: the invoice and its timeline. */
public record InvoiceTimeline(String invoiceId, String status, String currency, long amountMinor, Instant createdAt,
                              List<Entry> payments, List<Entry> accountingPosts, List<Entry> smsMessages,
                              List<WebhookEntry> webhookEvents) {

    /** One side effect: its key, status and what the vendor gave back (intent id, journal ref, message SID). */
    public record Entry(String idempotencyKey, String action, String status, int attempts, String reference,
                        String detail, Instant createdAt, Instant completedAt) {
    }

    public record WebhookEntry(String provider, String eventId, String type, String status, Instant receivedAt,
                               Instant processedAt) {
    }
}
