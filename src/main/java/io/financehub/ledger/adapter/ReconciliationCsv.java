package io.financehub.ledger.adapter;

import io.financehub.ledger.application.ReconciliationReport;
import io.financehub.ledger.application.ReconciliationReport.InvoiceLines;
import io.financehub.ledger.application.ReconciliationReport.LedgerEntry;
import io.financehub.ledger.application.ReconciliationReport.Posting;
import io.financehub.ledger.application.ReconciliationReport.Problem;
import io.financehub.invoice.domain.Money;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The reconciliation as CSV for finance: one row per owed posting, then one per unexpected ledger entry, written as
 * the rows come (the controller streams a whole period through it).
 * Amounts are in major units with the currency's own decimals. Cells that a spreadsheet would run as a formula
 * (starting with {@code = + - @}, a tab or a carriage return, plain numbers excepted) are prefixed with an apostrophe.
 */
final class ReconciliationCsv {

    static final String HEADER = "invoice_id,idempotency_key,action,currency,expected_amount,side_effect_status,"
            + "recorded_status,recorded_journal_ref,ledger_count,ledger_amount,ledger_refs,state";

    /** Spreadsheets run a cell starting with one of these as a formula (tab and CR: after stripping them). */
    private static final String FORMULA_START = "=+-@\t\r";
    /** A negative amount is a number, not a formula: it stays sortable and summable. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private ReconciliationCsv() {
    }

    /** The whole report at once (one page of it). */
    static String write(ReconciliationReport report) {
        StringBuilder csv = new StringBuilder();
        try {
            header(csv);
            for (InvoiceLines invoice : report.invoices()) {
                invoice(csv, invoice);
            }
            for (Problem u : report.unexpected()) {
                unexpected(csv, u);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not throw
        }
        return csv.toString();
    }

    static void header(Appendable csv) throws IOException {
        csv.append(HEADER).append("\r\n");
    }

    /** One row per posting the invoice owes. */
    static void invoice(Appendable csv, InvoiceLines invoice) throws IOException {
        for (Posting p : invoice.postings()) {
            row(csv, invoice.invoiceId(), p.idempotencyKey(), p.action(), p.currency(), p.expectedAmount(),
                    p.sideEffectStatus(), p.recorded() == null ? null : p.recorded().status(),
                    p.recorded() == null ? null : p.recorded().journalRef(), Integer.toString(p.ledger().size()),
                    ledgerAmount(p.ledger()),
                    p.ledger().stream().map(LedgerEntry::reference).collect(Collectors.joining("; ")), p.state());
        }
    }

    /** One row for a ledger entry the hub does not owe. */
    static void unexpected(Appendable csv, Problem u) throws IOException {
        row(csv, u.invoiceId(), u.idempotencyKey(), null, u.currency(), null, null, null, null,
                Integer.toString(u.ledgerCount()), major(u.ledgerMinor(), u.currency()), null, u.kind());
    }

    private static String major(Long minor, String currency) {
        if (minor == null) {
            return null;
        }
        return Money.isIsoCurrency(currency) ? new Money(minor, currency).toMajor().toPlainString() : minor.toString();
    }

    private static String ledgerAmount(List<LedgerEntry> entries) {
        if (entries.isEmpty()) {
            return null;
        }
        return entries.stream().map(LedgerEntry::amount).collect(Collectors.joining("; "));
    }

    private static void row(Appendable csv, String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells[i]));
        }
        csv.append("\r\n");
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && FORMULA_START.indexOf(v.charAt(0)) >= 0 && !PLAIN_NUMBER.matcher(v).matches()) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
