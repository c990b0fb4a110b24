package io.financehub.ledger.application;

import java.time.Instant;
import java.util.List;

/**
 * Accounting reconciliation: per invoice, the postings the hub owes (from its invoices and payment events), what it
 * recorded in {@code accounting_posts}, and what the ledger actually holds; then every discrepancy, each listed
 * once, in the list of its kind; and totals per currency. One page of a period's invoices: the problems and totals
 * are those of the page's postings (and, on the first page, of the unexpected ledger entries).
 *
 * @param from           the period's start (inclusive), null when open
 * @param to             the period's end (exclusive), null when open
 * @param missing        owed, not in the ledger, and not in flight
 * @param duplicated     one key on more than one ledger transaction
 * @param amountMismatch one ledger transaction whose amount or currency differs from what is owed
 * @param unknownOutcome the hub does not know whether it posted: side effect failed, unknown, or in progress past
 *                       its lease
 * @param unexpected     ledger transactions under a hub key the hub does not owe (first page only)
 * @param next           the cursor of the next page, null on the last
 */
public record ReconciliationReport(Instant generatedAt, String backend, Instant from, Instant to,
                                   List<InvoiceLines> invoices,
                                   List<Problem> missing, List<Problem> duplicated, List<Problem> amountMismatch,
                                   List<Problem> unknownOutcome, List<Problem> unexpected,
                                   List<UnmatchedEvent> unmatchedEvents, List<CurrencyTotal> totals, String next) {

    public static final String OK = "ok";
    public static final String IN_FLIGHT = "in_flight";
    public static final String MISSING = "missing";
    public static final String DUPLICATED = "duplicated";
    public static final String AMOUNT_MISMATCH = "amount_mismatch";
    public static final String UNKNOWN_OUTCOME = "unknown_outcome";
    public static final String UNEXPECTED = "unexpected";

    public int problemCount() {
        return missing.size() + duplicated.size() + amountMismatch.size() + unknownOutcome.size() + unexpected.size();
    }

    /** One invoice and every posting it owes. */
    public record InvoiceLines(String invoiceId, String currency, List<Posting> postings) {
    }

    /**
     * One owed posting under its key.
     *
     * @param sideEffectStatus the key's status in the idempotency table, null when it was never created
     * @param recorded         its {@code accounting_posts} row, null when none
     * @param ledger           the ledger transactions carrying the key (more than one is a duplicate)
     * @param state            {@link #OK}, {@link #IN_FLIGHT} or the problem kind
     */
    public record Posting(String idempotencyKey, String action, String currency, long expectedMinor,
                          String expectedAmount, String sideEffectStatus, Recorded recorded, List<LedgerEntry> ledger,
                          String state) {
    }

    /** The hub's audit row for a posting. */
    public record Recorded(String status, String journalRef, long amountMinor, int retries) {
    }

    /** A transaction as the ledger holds it. */
    public record LedgerEntry(String reference, String currency, long amountMinor, String amount) {
    }

    /**
     * A discrepancy.
     *
     * @param kind          one of the problem constants
     * @param expectedMinor what is owed, null for unexpected entries
     * @param ledgerMinor   the ledger's total under the key (all duplicates together), null when absent
     * @param ledgerCount   how many ledger transactions carry the key
     * @param detail        what was found, for an operator
     */
    public record Problem(String kind, String idempotencyKey, String invoiceId, String currency, Long expectedMinor,
                          Long ledgerMinor, int ledgerCount, String detail) {
    }

    /** A payment event for an invoice the hub does not know (stored, never dropped). */
    public record UnmatchedEvent(String provider, String eventId, String type, Instant receivedAt) {
    }

    /**
     * Sums per currency and posting action: owed, recorded as succeeded by the hub, and present in the ledger
     * (duplicates and unexpected entries included, so a difference shows).
     */
    public record CurrencyTotal(String currency, String action, long expectedMinor, long recordedMinor,
                                long ledgerMinor, String expected, String recorded, String ledger) {
    }
}
