package io.financehub.ledger.adapter;

import io.financehub.ledger.application.AccountingReconciliationQuery;
import io.financehub.ledger.application.InvoiceCursor;
import io.financehub.ledger.application.ReconciliationPeriod;
import io.financehub.ledger.application.ReconciliationReport;
import io.financehub.ledger.application.ReconciliationSink;
import io.financehub.ledger.application.ReconciliationSummary;
import io.financehub.platform.metrics.SampledGauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Instant;

/**
 * The reconciliation, remembering what its last run over every invoice found: {@code hub.reconciliation.differences}
 * (the problems: missing, duplicated, amount mismatch, unknown outcome, unexpected) and
 * {@code hub.reconciliation.last_run.timestamp} in seconds since the epoch. A run counts when it covered every
 * invoice: the scheduled full pass, a CSV without {@code from}/{@code to}, and a JSON report without them that fits
 * on one page. A page of many, or a period, is not the whole and leaves both alone; so does a run that cannot read
 * the ledger, so the timestamp shows how old the count is.
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
    public ReconciliationReport page(ReconciliationPeriod period, InvoiceCursor after, int limit) {
        ReconciliationReport report = reconciliation.page(period, after, limit);
        if (period.unbounded() && after == null && report.next() == null) {
            record(report.problemCount(), report.generatedAt());
        }
        return report;
    }

    @Override
    public ReconciliationSummary stream(ReconciliationPeriod period, ReconciliationSink sink) {
        ReconciliationSummary summary = reconciliation.stream(period, sink);
        if (period.unbounded()) {
            record(summary.problemCount(), summary.generatedAt());
        }
        return summary;
    }

    private void record(long problems, Instant at) {
        differences.set(problems);
        lastRun.set(at.toEpochMilli() / 1000.0);
    }
}
