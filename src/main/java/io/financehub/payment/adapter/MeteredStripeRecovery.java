package io.financehub.payment.adapter;

import io.financehub.platform.persistence.SingleReplicaSchedule;
import io.financehub.payment.application.StripeEventRecovery;
import io.financehub.payment.application.StripeEventsUnavailableException;
import io.financehub.payment.application.StripeRecoveryReport;
import io.financehub.platform.metrics.RecoveryMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * Stripe event recovery as the hub runs it: the bean {@code stripeEventRecovery} the {@code stripe-event-recovery}
 * timer route calls, and what {@code POST /admin/recovery/stripe} calls. Each run is logged and counted
 * ({@link RecoveryMetrics}).
 */
public class MeteredStripeRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(MeteredStripeRecovery.class);
    private static final String VENDOR = "stripe";

    private final StripeEventRecovery recovery;
    private final RecoveryMetrics metrics;
    private final boolean live;
    private final boolean scheduled;
    private final SingleReplicaSchedule turns;

    /**
     * @param live      HUB_STRIPE_MODE=live: only Stripe has an event list
     * @param scheduled HUB_RECOVERY_STRIPE_ENABLED
     * @param turns     which replica runs a scheduled run (the others skip it: one vendor read per period)
     */
    public MeteredStripeRecovery(StripeEventRecovery recovery, RecoveryMetrics metrics, boolean live,
                                 boolean scheduled,
                                 SingleReplicaSchedule turns) {
        this.recovery = recovery;
        this.metrics = metrics;
        this.live = live;
        this.scheduled = scheduled;
        this.turns = turns;
    }

    /** The scheduled run: never throws (a failure is logged and counted, and the next run tries again). */
    public void runScheduled() {
        if (!live || !scheduled || !turns.thisReplicaRuns()) {
            return;
        }
        try {
            recover(null);
        } catch (StripeEventsUnavailableException e) {
            // logged and counted by recover; the cursor is unchanged, so the next run reads the same window
        } catch (RuntimeException e) {
            metrics.failed(VENDOR, 0);
            LOG.warn("Stripe event recovery failed; the next run tries again", e);
        }
    }

    /**
     * One run, from {@code since} or (null) from the cursor.
     *
     * @throws IllegalStateException             in sandbox mode
     * @throws StripeEventsUnavailableException when Stripe could not be read; nothing was stored
     */
    public StripeRecoveryReport recover(Instant since) {
        if (!live) {
            throw new IllegalStateException("Stripe event recovery needs HUB_STRIPE_MODE=live: the sandbox keeps no "
                    + "event list");
        }
        StripeRecoveryReport report;
        try {
            report = recovery.recover(since);
        } catch (StripeEventsUnavailableException e) {
            metrics.failed(VENDOR, 0);
            LOG.warn("Stripe event recovery failed, nothing was stored and the cursor is unchanged: {}",
                    e.getMessage());
            throw e;
        }
        metrics.succeeded(VENDOR, report.recovered());
        if (report.recovered() > 0 || report.unreadable() > 0) {
            LOG.warn("Stripe event recovery from {}: {} event(s) listed on {} page(s), {} already known, {} the hub "
                            + "had never received now recovered, {} unreadable; cursor {}", report.from(),
                    report.listed(), report.pages(), report.alreadyKnown(), report.recovered(), report.unreadable(),
                    report.cursor());
        } else {
            LOG.info("Stripe event recovery from {}: {} event(s) listed on {} page(s), all already known; cursor {}",
                    report.from(), report.listed(), report.pages(), report.cursor());
        }
        return report;
    }
}
