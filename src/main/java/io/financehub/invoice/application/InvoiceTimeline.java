package io.financehub.invoice.application;

import java.time.Instant;
import java.util.List;

/** The {@code GET /api/invoices/{id}} answer: the invoice and its timeline. */
public record InvoiceTimeline(String invoiceId, String status, String currency, long amountMinor, Instant createdAt,
                              List<Entry> payments, List<Entry> accountingPosts, List<Entry> smsMessages,
                              List<WebhookEntry> webhookEvents, List<FlowCallEntry> flowCalls) {

    /** One side effect: its key, status and what the vendor gave back (intent id, journal ref, message SID). */
    public record Entry(String idempotencyKey, String action, String status, int attempts, String reference,
                        String detail, Instant createdAt, Instant completedAt) {
    }

    /**
     * One call a YAML flow made through the hub's exactly-once step: its key and flow name, status and attempts, the
     * endpoint of its last attempt (secrets masked) and that attempt's HTTP status.
     */
    public record FlowCallEntry(String idempotencyKey, String flow, String status, int attempts, String endpoint,
                                Integer httpStatus, String detail, Instant createdAt, Instant completedAt) {
    }

    /** {@code source}: {@code webhook} (delivered) or {@code recovered} (read from the vendor's API). */
    public record WebhookEntry(String provider, String eventId, String type, String status, Instant receivedAt,
                               Instant processedAt, String source) {
    }
}
