package io.financehub.ledger.application;

import io.financehub.ledger.application.ReconciliationReport.CurrencyTotal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a full pass over a period found, without its rows: how many invoices it covered, how many problems of each
 * kind ({@code missing}, {@code duplicated}, ...), and the totals per currency and action.
 */
public record ReconciliationSummary(Instant generatedAt, String backend, ReconciliationPeriod period, long invoices,
                                    Map<String, Long> problems, List<CurrencyTotal> totals) {

    public long problemCount() {
        return problems.values().stream().mapToLong(Long::longValue).sum();
    }
}
