package io.financehub.ledger.adapter;

import io.financehub.ledger.application.AccountingReconciliationQuery.LedgerUnreadableException;
import io.financehub.ledger.application.AccountingReconciliationQuery;
import io.financehub.ledger.application.ReconciliationReport.Problem;
import io.financehub.ledger.application.ReconciliationReport;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MeteredReconciliationTest {

    private static final Instant RUN = Instant.parse("2026-12-06T10:15:00.500Z");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Deque<Supplier<ReconciliationReport>> runs = new ArrayDeque<>();
    private final AccountingReconciliationQuery reconciliation = new MeteredReconciliation(
            () -> runs.removeFirst().get(), registry);

    @Test
    void beforeAnyRunBothGaugesAreZero() {
        assertThat(registry.scrape()).contains("hub_reconciliation_differences 0.0",
                "hub_reconciliation_last_run_timestamp_seconds 0.0");
    }

    @Test
    void aRunSetsItsProblemCountAndWhenItRan() {
        runs.add(() -> report(RUN, List.of(problem("missing"), problem("missing")), List.of(problem("unexpected"))));

        ReconciliationReport report = reconciliation.reconcile();

        assertThat(report.problemCount()).isEqualTo(3);
        assertThat(registry.scrape()).contains("hub_reconciliation_differences 3.0",
                "hub_reconciliation_last_run_timestamp_seconds 1.7965521005E9");
    }

    @Test
    void aRunThatCannotReadTheLedgerLeavesTheLastCountAndItsTime() {
        runs.add(() -> report(RUN, List.of(problem("missing")), List.of()));
        runs.add(() -> {
            throw new LedgerUnreadableException("ledger down", null);
        });
        reconciliation.reconcile();

        assertThatThrownBy(reconciliation::reconcile).isInstanceOf(LedgerUnreadableException.class);

        assertThat(registry.scrape()).contains("hub_reconciliation_differences 1.0",
                "hub_reconciliation_last_run_timestamp_seconds 1.7965521005E9");
    }

    @Test
    void aCleanRunBringsTheCountBackToZero() {
        runs.add(() -> report(RUN, List.of(problem("missing")), List.of()));
        runs.add(() -> report(RUN.plusSeconds(900), List.of(), List.of()));

        reconciliation.reconcile();
        reconciliation.reconcile();

        assertThat(registry.scrape()).contains("hub_reconciliation_differences 0.0");
    }

    private static ReconciliationReport report(Instant at, List<Problem> missing, List<Problem> unexpected) {
        return new ReconciliationReport(at, "sandbox", List.of(), missing, List.of(), List.of(), List.of(),
                unexpected, List.of(), List.of());
    }

    private static Problem problem(String kind) {
        return new Problem(kind, "INV-1:post-invoice", "INV-1", "USD", 100L, null, 0, kind);
    }
}
