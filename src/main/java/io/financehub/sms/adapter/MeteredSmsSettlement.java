package io.financehub.sms.adapter;

import io.financehub.platform.persistence.SingleReplicaSchedule;
import io.financehub.platform.metrics.RecoveryMetrics;
import io.financehub.sms.application.SmsSettlement;
import io.financehub.sms.application.SmsSettlementReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settlement of undecided SMS as the hub runs it: the bean {@code smsSettlement} the {@code twilio-sms-settlement}
 * timer route calls, and what {@code POST /admin/recovery/twilio} calls. Each run is logged and counted
 * ({@link RecoveryMetrics}).
 */
public class MeteredSmsSettlement {

    private static final Logger LOG = LoggerFactory.getLogger(MeteredSmsSettlement.class);
    private static final String VENDOR = "twilio";

    private final SmsSettlement settlement;
    private final RecoveryMetrics metrics;
    private final boolean live;
    private final boolean scheduled;
    private final SingleReplicaSchedule turns;

    /**
     * @param live      HUB_TWILIO_MODE=live
     * @param scheduled HUB_RECOVERY_TWILIO_ENABLED
     * @param turns     which replica runs a scheduled run (the others skip it: one vendor read per period)
     */
    public MeteredSmsSettlement(SmsSettlement settlement, RecoveryMetrics metrics, boolean live, boolean scheduled,
                                SingleReplicaSchedule turns) {
        this.settlement = settlement;
        this.metrics = metrics;
        this.live = live;
        this.scheduled = scheduled;
        this.turns = turns;
    }

    /** The scheduled run: never throws; a failure is logged and counted, and the next run tries again. */
    public void runScheduled() {
        if (!live || !scheduled || !turns.thisReplicaRuns()) {
            return;
        }
        try {
            settle();
        } catch (RuntimeException e) {
            metrics.failed(VENDOR, 0);
            LOG.warn("SMS settlement with Twilio failed; the next run tries again", e);
        }
    }

    /** @throws IllegalStateException in sandbox mode */
    public SmsSettlementReport settle() {
        if (!live) {
            throw new IllegalStateException("SMS settlement needs HUB_TWILIO_MODE=live: the sandbox sends its own "
                    + "status callbacks");
        }
        SmsSettlementReport report = settlement.settle();
        if (report.error() != null) {
            metrics.failed(VENDOR, report.settled());
            LOG.warn("SMS settlement stopped: {}; {} settled, {} unchanged, {} unknown to Twilio, {} left for the "
                    + "next run", report.error(), report.settled(), report.unchanged(), report.notFound(),
                    report.deferred());
        } else {
            metrics.succeeded(VENDOR, report.settled());
            if (report.checked() > 0) {
                LOG.info("SMS settlement: {} undecided message(s) fetched from Twilio, {} settled, {} unchanged, {} "
                        + "unknown to Twilio", report.checked(), report.settled(), report.unchanged(),
                        report.notFound());
            }
        }
        return report;
    }
}
