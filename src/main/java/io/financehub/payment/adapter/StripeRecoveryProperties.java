package io.financehub.payment.adapter;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Stripe event recovery settings ({@code HUB_RECOVERY_STRIPE_*}). Recovery reads {@code GET /v1/events}, which only
 * Stripe has: it runs in {@code HUB_STRIPE_MODE=live} only (the sandbox keeps no event list, and its webhooks are
 * the ones a developer posts).
 *
 * @param enabled  whether the scheduled run happens (live mode only); the admin action works whenever live
 * @param period   time between scheduled runs, and before the first one after start
 * @param margin   how far before the cursor each run starts listing (events appear in the list a little after
 *                 their creation time, and the hub's and Stripe's clocks differ)
 * @param lookback how far back the first run reads, before any run completed (at most Stripe's 30 days)
 * @param maxPages most pages of 100 events one run reads; a window with more is refused with nothing written
 */
@ConfigurationProperties(prefix = "hub.recovery.stripe")
public record StripeRecoveryProperties(Boolean enabled, Duration period, Duration margin, Duration lookback,
                                       Integer maxPages) {

    public StripeRecoveryProperties {
        enabled = enabled == null || enabled;
        period = period == null ? Duration.ofMinutes(15) : period;
        margin = margin == null ? Duration.ofMinutes(10) : margin;
        lookback = lookback == null ? Duration.ofDays(3) : lookback;
        maxPages = maxPages == null || maxPages <= 0 ? 100 : maxPages;
        if (lookback.compareTo(Duration.ofDays(30)) > 0) {
            throw new IllegalArgumentException("HUB_RECOVERY_STRIPE_LOOKBACK must be at most 30 days: Stripe keeps "
                    + "events for 30 days");
        }
    }
}
