package io.financehub.ledger.application;

import io.financehub.ledger.application.ReconciliationReport.InvoiceLines;
import io.financehub.ledger.application.ReconciliationReport.Problem;
import io.financehub.sideeffect.domain.IdempotencyKey;
import io.financehub.sideeffect.domain.SideEffect;
import io.financehub.sideeffect.domain.SideEffectStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reconciliation in pages and in a full pass: what a single report found is found across page boundaries, each
 * difference once; the ledger is read once per call; a period holds only its own invoices.
 */
class LedgerReconciliationPagingTest extends LedgerReconciliationBase {

    private static final Instant DEC = Instant.parse("2025-12-01T00:00:00Z");
    private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
    private static final ReconciliationPeriod DECEMBER = new ReconciliationPeriod(DEC, JAN);

    /** Five invoices, A–E; A duplicated, C missing, E mismatched; Z unknown, B:post-payment not owed (B unpaid). */
    private void fiveInvoicesWithDifferences() {
        for (String id : List.of("A", "B", "C", "D", "E")) {
            invoice(id, "USD", 1000, false);
            succeeded(id + ":post-invoice", Map.of());
            recordedPost(id + ":post-invoice", "USD", 1000);
        }
        inLedger("E:post-invoice", "USD", 999);
        inLedger("A:post-invoice", "USD", 1000);
        inLedger("B:post-invoice", "USD", 1000);
        inLedger("D:post-invoice", "USD", 1000);
        inLedger("A:post-invoice", "USD", 1000);
        inLedger("Z:post-invoice", "USD", 70);
        inLedger("B:post-payment", "USD", 1000);
    }

    @Test
    void walkingThePagesWithTheirCursorsFindsEachDifferenceOnceOnItsInvoicesPage() {
        fiveInvoicesWithDifferences();

        List<ReconciliationReport> pages = new ArrayList<>();
        ReconciliationReport page = page(ReconciliationPeriod.ALL, null, 2);
        pages.add(page);
        while (page.next() != null) {
            page = page(ReconciliationPeriod.ALL, InvoiceCursor.parse(page.next()), 2);
            pages.add(page);
        }

        assertThat(pages).hasSize(3);
        assertThat(pages).extracting(p -> p.invoices().stream().map(InvoiceLines::invoiceId).toList())
                .containsExactly(List.of("A", "B"), List.of("C", "D"), List.of("E"));
        assertThat(pages.get(0).duplicated()).extracting(Problem::idempotencyKey).containsExactly("A:post-invoice");
        assertThat(pages.get(1).missing()).extracting(Problem::idempotencyKey).containsExactly("C:post-invoice");
        assertThat(pages.get(2).amountMismatch()).extracting(Problem::idempotencyKey)
                .containsExactly("E:post-invoice");
        // the ledger entries the hub does not owe, once in the walk (on its first page), though B is on that page
        // and Z on none
        assertThat(pages.get(0).unexpected()).extracting(Problem::idempotencyKey)
                .containsExactlyInAnyOrder("Z:post-invoice", "B:post-payment");
        assertThat(pages.get(1).unexpected()).isEmpty();
        assertThat(pages.get(2).unexpected()).isEmpty();
        assertThat(pages.stream().mapToInt(ReconciliationReport::problemCount).sum()).isEqualTo(5);
        assertThat(ledgerReads).isEqualTo(3);
        assertThat(pages.get(2).next()).isNull();
    }

    @Test
    void entriesOwedByALaterPageAreNotUnexpectedOnTheFirst() {
        fiveInvoicesWithDifferences();

        ReconciliationReport first = page(ReconciliationPeriod.ALL, null, 1);

        assertThat(first.invoices()).extracting(InvoiceLines::invoiceId).containsExactly("A");
        assertThat(first.unexpected()).extracting(Problem::idempotencyKey)
                .containsExactlyInAnyOrder("Z:post-invoice", "B:post-payment");
    }

    @Test
    void aFullPassReadsTheLedgerOnceAndTheInvoicesInPages() {
        fiveInvoicesWithDifferences();
        List<String> rows = new ArrayList<>();

        ReconciliationSummary summary = stream(ReconciliationPeriod.ALL, 2, new ReconciliationSink() {
            @Override
            public void start() {
                rows.add("start");
            }

            @Override
            public void invoice(InvoiceLines invoice) {
                invoice.postings().forEach(p -> rows.add(p.idempotencyKey() + " " + p.state()));
            }

            @Override
            public void unexpected(Problem problem) {
                rows.add(problem.idempotencyKey() + " " + problem.kind());
            }
        });

        assertThat(ledgerReads).isEqualTo(1);
        assertThat(largestInvoicePage).isEqualTo(2);
        assertThat(rows.subList(0, 6)).containsExactly("start", "A:post-invoice duplicated", "B:post-invoice ok",
                "C:post-invoice missing", "D:post-invoice ok", "E:post-invoice amount_mismatch");
        assertThat(rows.subList(6, rows.size())).containsExactlyInAnyOrder("Z:post-invoice unexpected",
                "B:post-payment unexpected");
        assertThat(summary.invoices()).isEqualTo(5);
        assertThat(summary.problems()).containsExactlyInAnyOrderEntriesOf(Map.of("duplicated", 1L, "missing", 1L,
                "amount_mismatch", 1L, "unexpected", 2L));
        assertThat(summary.problemCount()).isEqualTo(5);
        assertThat(summary.totals()).filteredOn(t -> t.action().equals("post-invoice")).singleElement().satisfies(t -> {
            assertThat(t.expectedMinor()).isEqualTo(5000);
            assertThat(t.recordedMinor()).isEqualTo(5000);
            assertThat(t.ledgerMinor()).isEqualTo(999 + 1000 + 1000 + 1000 + 1000 + 70);
        });
        // the unexpected payment shows in the totals too: ledger 10.00 against nothing owed
        assertThat(summary.totals()).filteredOn(t -> t.action().equals("post-payment")).singleElement()
                .satisfies(t -> assertThat(t.ledgerMinor() - t.expectedMinor()).isEqualTo(1000));
    }

    @Test
    void aPeriodHoldsTheInvoicesCreatedInItAndLeavesOtherPeriodsEntriesAlone() {
        invoice("NOV", "USD", 100, false, DEC.minusSeconds(1));
        invoice("DEC1", "USD", 100, false, DEC);
        invoice("DEC2", "USD", 100, true, JAN.minusSeconds(1));
        invoice("JAN", "USD", 100, false, JAN);
        for (String key : List.of("NOV:post-invoice", "DEC1:post-invoice", "DEC2:post-invoice", "DEC2:post-payment",
                "JAN:post-invoice")) {
            succeeded(key, Map.of());
        }
        inLedger("NOV:post-invoice", "USD", 100);
        inLedger("DEC1:post-invoice", "USD", 100);
        inLedger("DEC2:post-invoice", "USD", 100);
        inLedger("JAN:post-invoice", "USD", 100);
        inLedger("JAN:post-payment", "USD", 100);
        inLedger("NOBODY:post-invoice", "USD", 100);

        ReconciliationReport december = page(DECEMBER, null, 10);
        List<String> streamed = new ArrayList<>();
        ReconciliationSummary summary = stream(DECEMBER, 1, new ReconciliationSink() {
            @Override
            public void invoice(InvoiceLines invoice) {
                streamed.add(invoice.invoiceId());
            }

            @Override
            public void unexpected(Problem problem) {
                streamed.add(problem.idempotencyKey());
            }
        });

        assertThat(december.from()).isEqualTo(DEC);
        assertThat(december.to()).isEqualTo(JAN);
        assertThat(december.invoices()).extracting(InvoiceLines::invoiceId).containsExactly("DEC1", "DEC2");
        assertThat(december.missing()).extracting(Problem::idempotencyKey).containsExactly("DEC2:post-payment");
        // January's unowed payment is January's business; an invoice the hub does not know belongs to every period
        assertThat(december.unexpected()).extracting(Problem::idempotencyKey).containsExactly("NOBODY:post-invoice");
        assertThat(streamed).containsExactly("DEC1", "DEC2", "NOBODY:post-invoice");
        assertThat(summary.problems()).containsExactlyInAnyOrderEntriesOf(Map.of("missing", 1L, "unexpected", 1L));
    }

    @Test
    void aFullPassTakesAPostingThatLandedAfterItsLedgerReadForInFlight() {
        invoice("A", "USD", 100, false);
        invoice("B", "USD", 100, false);
        // settled after the ledger was read (the clock stands at NOW): the read could not have held it
        effects.add(new SideEffect(IdempotencyKey.parse("A:post-invoice"), SideEffectStatus.SUCCEEDED, 1, Map.of(),
                null, null, NOW.minusSeconds(5), NOW.minusSeconds(5), NOW.plusMillis(1)));
        effects.add(new SideEffect(IdempotencyKey.parse("B:post-invoice"), SideEffectStatus.SUCCEEDED, 1, Map.of(),
                null, null, NOW.minusSeconds(5), NOW.minusSeconds(5), NOW.minusSeconds(1)));
        // created after the ledger read: not walked
        invoice("LATE", "USD", 100, false, NOW.plusSeconds(1));
        List<String> states = new ArrayList<>();

        ReconciliationSummary summary = stream(ReconciliationPeriod.ALL, 10, new ReconciliationSink() {
            @Override
            public void invoice(InvoiceLines invoice) {
                invoice.postings().forEach(p -> states.add(p.idempotencyKey() + " " + p.state()));
            }

            @Override
            public void unexpected(Problem problem) {
                states.add(problem.idempotencyKey() + " " + problem.kind());
            }
        });

        assertThat(states).containsExactly("A:post-invoice in_flight", "B:post-invoice missing");
        assertThat(summary.invoices()).isEqualTo(2);
    }

    @Test
    void aFullPassThatCannotReadTheLedgerHandsNothingOn() {
        fiveInvoicesWithDifferences();
        ledgerDown = true;
        List<String> seen = new ArrayList<>();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> stream(ReconciliationPeriod.ALL, 2,
                        new ReconciliationSink() {
                            @Override
                            public void start() {
                                seen.add("start");
                            }

                            @Override
                            public void invoice(InvoiceLines invoice) {
                                seen.add(invoice.invoiceId());
                            }

                            @Override
                            public void unexpected(Problem problem) {
                                seen.add(problem.idempotencyKey());
                            }
                        }))
                .isInstanceOf(AccountingReconciliationQuery.LedgerUnreadableException.class);
        assertThat(seen).isEmpty();
    }

    @Test
    void aCursorRoundTripsAndAForgedOneIsRefused() {
        InvoiceCursor cursor = new InvoiceCursor(Instant.parse("2026-01-15T10:00:00.123456Z"), "INV|1:x");

        assertThat(InvoiceCursor.parse(cursor.token())).isEqualTo(cursor);
        for (String bad : Stream.of("", "!!!", "bm90LWEtY3Vyc29y", "MTIzLjR8").toList()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> InvoiceCursor.parse(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
