package io.financehub.ledger.adapter;

import io.financehub.ledger.application.AccountingReconciliationQuery;
import io.financehub.ledger.application.AccountingReconciliationQuery.LedgerUnreadableException;
import io.financehub.ledger.application.InvoiceCursor;
import io.financehub.ledger.application.ReconciliationPeriod;
import io.financehub.ledger.application.ReconciliationReport;
import io.financehub.ledger.application.ReconciliationReport.Problem;
import io.financehub.ledger.application.ReconciliationSink;
import io.financehub.ledger.application.ReconciliationSummary;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MeteredReconciliationTest {

    private static final Instant RUN = Instant.parse("2026-12-06T10:15:00.500Z");
    private static final ReconciliationPeriod JANUARY = new ReconciliationPeriod(Instant.parse("2026-01-01T00:00:00Z"),
            Instant.parse("2026-02-01T00:00:00Z"));

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Deque<Supplier<ReconciliationReport>> pages = new ArrayDeque<>();
    private final Deque<Supplier<ReconciliationSummary>> passes = new ArrayDeque<>();
    private final AccountingReconciliationQuery reconciliation = new MeteredReconciliation(
            new AccountingReconciliationQuery() {
                @Override
                public ReconciliationReport page(ReconciliationPeriod period, InvoiceCursor after, int limit) {
                    return pages.removeFirst().get();
                }

                @Override
                public ReconciliationSummary stream(ReconciliationPeriod period, ReconciliationSink sink) {
                    return passes.removeFirst().get();
                }
            }, registry);

    @Test
    void beforeAnyRunBothGaugesAreZero() {
        assertThat(registry.scrape()).contains("hub_reconciliation_differences 0.0",
                "hub_reconciliation_last_run_timestamp_seconds 0.0");
    }

    @Test
    void aPageThatIsEveryInvoiceSetsItsProblemCountAndWhenItRan() {
        pages.add(() -> report(RUN, List.of(problem("missing"), problem("missing")), List.of(problem("unexpected")),
                null));

        ReconciliationReport report = reconciliation.page(ReconciliationPeriod.ALL, null, 500);

        assertThat(report.problemCount()).isEqualTo(3);
        assertThat(registry.scrape()).contains("hub_reconciliation_differences 3.0",
                "hub_reconciliation_last_run_timestamp_seconds 1.7965521005E9");
    }

    @Test
    void aFullPassSetsTheCountOfTheWholePass() {
        passes.add(() -> summary(RUN, Map.of("missing", 4L, "unexpected", 1L)));

        reconciliation.stream(ReconciliationPeriod.ALL, ReconciliationSink.DISCARD);

        assertThat(registry.scrape()).contains("hub_reconciliation_differences 5.0",
                "hub_reconciliation_last_run_timestamp_seconds 1.7965521005E9");
    }

    @Test
    void aPageOfManyOrAPeriodIsNotTheWholeAndLeavesTheGauges() {
        passes.add(() -> summary(RUN, Map.of("missing", 2L)));
        reconciliation.stream(ReconciliationPeriod.ALL, ReconciliationSink.DISCARD);
        pages.add(() -> report(RUN.plusSeconds(60), List.of(problem("missing")), List.of(), "cursor"));
        pages.add(() -> report(RUN.plusSeconds(60), List.of(), List.of(), null));
        pages.add(() -> report(RUN.plusSeconds(60), List.of(), List.of(), null));
        passes.add(() -> summary(RUN.plusSeconds(60), Map.of()));

        reconciliation.page(ReconciliationPeriod.ALL, null, 1);
        reconciliation.page(ReconciliationPeriod.ALL, new InvoiceCursor(RUN, "A"), 1);
        reconciliation.page(JANUARY, null, 500);
        reconciliation.stream(JANUARY, ReconciliationSink.DISCARD);

        assertThat(registry.scrape()).contains("hub_reconciliation_differences 2.0",
                "hub_reconciliation_last_run_timestamp_seconds 1.7965521005E9");
    }

    @Test
    void aRunThatCannotReadTheLedgerLeavesTheLastCountAndItsTime() {
        passes.add(() -> summary(RUN, Map.of("missing", 1L)));
        passes.add(() -> {
            throw new LedgerUnreadableException("ledger down", null);
        });
        reconciliation.stream(ReconciliationPeriod.ALL, ReconciliationSink.DISCARD);

        assertThatThrownBy(() -> reconciliation.stream(ReconciliationPeriod.ALL, ReconciliationSink.DISCARD))
                .isInstanceOf(LedgerUnreadableException.class);

        assertThat(registry.scrape()).contains("hub_reconciliation_differences 1.0",
                "hub_reconciliation_last_run_timestamp_seconds 1.7965521005E9");
    }

    @Test
    void aCleanRunBringsTheCountBackToZero() {
        passes.add(() -> summary(RUN, Map.of("missing", 1L)));
        pages.add(() -> report(RUN.plusSeconds(900), List.of(), List.of(), null));

        reconciliation.stream(ReconciliationPeriod.ALL, ReconciliationSink.DISCARD);
        reconciliation.page(ReconciliationPeriod.ALL, null, 500);

        assertThat(registry.scrape()).contains("hub_reconciliation_differences 0.0");
    }

    private static ReconciliationReport report(Instant at, List<Problem> missing, List<Problem> unexpected,
                                               String next) {
        return new ReconciliationReport(at, "sandbox", null, null, List.of(), missing, List.of(), List.of(), List.of(),
                unexpected, List.of(), List.of(), next);
    }

    private static ReconciliationSummary summary(Instant at, Map<String, Long> problems) {
        return new ReconciliationSummary(at, "sandbox", ReconciliationPeriod.ALL, 10, problems, List.of());
    }

    private static Problem problem(String kind) {
        return new Problem(kind, "INV-1:post-invoice", "INV-1", "USD", 100L, null, 0, kind);
    }
}
