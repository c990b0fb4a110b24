package io.financehub.sms.adapter;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settlement of SMS with Twilio ({@code HUB_RECOVERY_TWILIO_*}): in {@code HUB_TWILIO_MODE=live} only (the sandbox
 * sends its own status callbacks and has no message resource to fetch).
 *
 * @param enabled     whether the scheduled run happens (live mode only); the admin action works whenever live
 * @param period      time between scheduled runs, and before the first one after start
 * @param settleAfter how long an SMS may stay queued or sent before Twilio is asked; also how long one Twilio still
 *                    reports undecided waits before it is asked again
 * @param batchSize   most messages one run fetches
 */
@ConfigurationProperties(prefix = "hub.recovery.twilio")
public record TwilioSettlementProperties(Boolean enabled, Duration period, Duration settleAfter, Integer batchSize) {

    public TwilioSettlementProperties {
        enabled = enabled == null || enabled;
        period = period == null ? Duration.ofMinutes(15) : period;
        settleAfter = settleAfter == null ? Duration.ofHours(6) : settleAfter;
        batchSize = batchSize == null || batchSize <= 0 ? 100 : batchSize;
    }
}
