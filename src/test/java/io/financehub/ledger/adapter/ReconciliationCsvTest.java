package io.financehub.ledger.adapter;

import io.financehub.ledger.application.ReconciliationReport;
import io.financehub.ledger.application.ReconciliationReport.InvoiceLines;
import io.financehub.ledger.application.ReconciliationReport.LedgerEntry;
import io.financehub.ledger.application.ReconciliationReport.Posting;
import io.financehub.ledger.application.ReconciliationReport.Problem;
import io.financehub.ledger.application.ReconciliationReport.Recorded;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReconciliationCsvTest {

    @Test
    void onePostingPerRowInMajorUnitsThenUnexpectedEntries() {
        Posting duplicated = new Posting("A:post-invoice", "post-invoice", "USD", 12500, "125.00", "succeeded",
                new Recorded("succeeded", "2026-01-15 (A:post-invoice)", 12500, 0),
                List.of(new LedgerEntry("2026-01-15 (A:post-invoice)", "USD", 12500, "125.00"),
                        new LedgerEntry("2026-01-15 (A:post-invoice)", "USD", 12500, "125.00")),
                ReconciliationReport.DUPLICATED);
        Posting inFlight = new Posting("A:post-payment", "post-payment", "USD", 12500, "125.00", "pending", null,
                List.of(), ReconciliationReport.IN_FLIGHT);
        Problem unexpected = new Problem(ReconciliationReport.UNEXPECTED, "Z:post-refund:evt_1", "Z", "JPY", null,
                500L, 1, "x");
        ReconciliationReport report = new ReconciliationReport(Instant.EPOCH, "hledger", null, null,
                List.of(new InvoiceLines("A", "USD", List.of(duplicated, inFlight))), List.of(), List.of(), List.of(),
                List.of(), List.of(unexpected), List.of(), List.of(), null);

        String[] lines = ReconciliationCsv.write(report).split("\r\n");

        assertThat(lines).containsExactly(ReconciliationCsv.HEADER,
                "A,A:post-invoice,post-invoice,USD,125.00,succeeded,succeeded,2026-01-15 (A:post-invoice),2,"
                        + "125.00; 125.00,2026-01-15 (A:post-invoice); 2026-01-15 (A:post-invoice),duplicated",
                "A,A:post-payment,post-payment,USD,125.00,pending,,,0,,,in_flight",
                "Z,Z:post-refund:evt_1,,JPY,,,,,1,500,,unexpected");
    }

    @Test
    void cellsAreQuotedAndNeverRunAsFormulas() {
        assertThat(ReconciliationCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(ReconciliationCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ReconciliationCsv.cell("-1+2")).isEqualTo("'-1+2");
        assertThat(ReconciliationCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ReconciliationCsv.cell(null)).isEmpty();
    }

    @Test
    void cellsStartingWithATabOrACarriageReturnAreGuardedToo() {
        // spreadsheets strip a leading tab or CR and then run what follows as a formula
        assertThat(ReconciliationCsv.cell("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(ReconciliationCsv.cell("\r=1+1")).isEqualTo("\"'\r=1+1\"");
        assertThat(ReconciliationCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ReconciliationCsv.cell("+1")).isEqualTo("'+1");
        // a plain number, negative amounts included, stays a number
        assertThat(ReconciliationCsv.cell("-12.50")).isEqualTo("-12.50");
        assertThat(ReconciliationCsv.cell("12.50")).isEqualTo("12.50");
        assertThat(ReconciliationCsv.cell("-12.50; -3")).isEqualTo("'-12.50; -3");
    }
}
