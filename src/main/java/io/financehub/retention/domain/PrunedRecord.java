package io.financehub.retention.domain;

/**
 * What retention removes, each kind from one table. Everything else — invoices, idempotency keys, payment attempts,
 * accounting posts, SMS messages and operator actions, flow calls, the webhook event rows themselves, open dead
 * letters, unpublished domain events — explains a side effect or still waits for something, and is never touched.
 */
public enum PrunedRecord {
    /** The raw payload of a webhook event that is {@code processed} or {@code ignored}; the row itself stays. */
    WEBHOOK_PAYLOADS("webhook_events"),
    /** The wire-tapped copies of queue exchanges. */
    ROUTE_EXCHANGES("route_exchanges"),
    /** The webhook routes' duplicate filter ({@code CAMEL_MESSAGEPROCESSED}). */
    PROCESSED_MESSAGE_IDS("camel_messageprocessed"),
    /** Inbound commands that created nothing: replayed, rejected, conflicting ({@code accepted} ones stay). */
    INBOUND_COMMANDS("inbound_commands"),
    /** Dead letters an operator retried ({@code retried}); open and retrying ones stay. */
    DEAD_LETTERS("dead_letters"),
    /** Domain events already published to {@code hub.events}. */
    DOMAIN_EVENTS("domain_events");

    private final String table;

    PrunedRecord(String table) {
        this.table = table;
    }

    /** The table, as the meters' {@code table} label and the log name it. */
    public String table() {
        return table;
    }

    /** True when retention clears a column and keeps the row. */
    public boolean clearsPayloadOnly() {
        return this == WEBHOOK_PAYLOADS;
    }
}
