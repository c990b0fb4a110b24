package io.financehub.platform.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How often the gauges that read the database, the broker or the ledger are refreshed. A scrape only reads the last
 * sample: Prometheus scraping every replica every few seconds must not turn into queries against the database.
 *
 * @param samplePeriod         gauges read from the database and the broker ({@code HUB_METRICS_SAMPLE_PERIOD})
 * @param reconciliationPeriod the scheduled accounting reconciliation behind {@code hub_reconciliation_differences}
 *                             ({@code HUB_METRICS_RECONCILIATION_PERIOD}); it reads the whole ledger, so it runs
 *                             far less often
 */
@ConfigurationProperties(prefix = "hub.metrics")
public record MetricsProperties(Duration samplePeriod, Duration reconciliationPeriod) {

    public MetricsProperties {
        samplePeriod = samplePeriod == null ? Duration.ofSeconds(15) : samplePeriod;
        reconciliationPeriod = reconciliationPeriod == null ? Duration.ofMinutes(15) : reconciliationPeriod;
        if (samplePeriod.isNegative() || samplePeriod.isZero()) {
            throw new IllegalArgumentException("HUB_METRICS_SAMPLE_PERIOD must be positive, not " + samplePeriod);
        }
        if (reconciliationPeriod.isNegative() || reconciliationPeriod.isZero()) {
            throw new IllegalArgumentException("HUB_METRICS_RECONCILIATION_PERIOD must be positive, not "
                    + reconciliationPeriod);
        }
    }
}
