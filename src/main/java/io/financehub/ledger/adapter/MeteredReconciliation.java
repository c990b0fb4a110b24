package io.financehub.ledger.adapter;

import io.financehub.ledger.application.AccountingReconciliationQuery;
import io.financehub.ledger.application.ReconciliationReport;
import io.financehub.platform.metrics.SampledGauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The reconciliation, remembering what its last run found: {@code hub.reconciliation.differences} (the report's
 * problems: missing, duplicated, amount mismatch, unknown outcome, unexpected) and
 * {@code hub.reconciliation.last_run.timestamp} in seconds since the epoch. Every run counts, the scheduled one and
 * each {@code GET /admin/reconciliation}. A run that cannot read the ledger changes neither, so the timestamp shows
 * how old the count is.
 */
public class MeteredReconciliation implements AccountingReconciliationQuery {

    private final AccountingReconciliationQuery reconciliation;
    private final SampledGauge differences;
    private final SampledGauge lastRun;

    public MeteredReconciliation(AccountingReconciliationQuery reconciliation, MeterRegistry registry) {
        this.reconciliation = reconciliation;
        this.differences = SampledGauge.register(registry, "hub.reconciliation.differences", "Differences between "
                + "the hub and the ledger found by the last reconciliation", null);
        this.lastRun = SampledGauge.register(registry, "hub.reconciliation.last_run.timestamp", "When the last "
                + "reconciliation ran, in seconds since the epoch", "seconds");
    }

    @Override
    public ReconciliationReport reconcile() {
        ReconciliationReport report = reconciliation.reconcile();
        differences.set(report.problemCount());
        lastRun.set(report.generatedAt().toEpochMilli() / 1000.0);
        return report;
    }
}
