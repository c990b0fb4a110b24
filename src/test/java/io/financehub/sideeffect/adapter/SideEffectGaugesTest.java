package io.financehub.sideeffect.adapter;

import io.financehub.sideeffect.adapter.JdbcSideEffectCensus.Census;
import io.financehub.sideeffect.adapter.JdbcSideEffectCensus.StateCount;
import io.financehub.sideeffect.domain.SideEffectChannel;
import io.financehub.sideeffect.domain.SideEffectStatus;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SideEffectGaugesTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final SideEffectGauges gauges = new SideEffectGauges(registry);

    @Test
    void everyChannelAndStatusIsAZeroSeriesBeforeTheFirstSample() {
        String scrape = registry.scrape();

        for (String channel : List.of("payments", "accounting", "sms", "flows")) {
            for (String status : List.of("pending", "in_progress", "retrying", "succeeded", "failed", "unknown",
                    "skipped")) {
                assertThat(scrape).contains("hub_side_effects{channel=\"" + channel + "\",status=\"" + status
                        + "\"} 0.0");
            }
            for (String status : List.of("pending", "in_progress", "retrying", "unknown")) {
                assertThat(scrape).contains("hub_side_effects_oldest_age_seconds{channel=\"" + channel
                        + "\",status=\"" + status + "\"} 0.0");
            }
        }
        assertThat(scrape).contains("hub_dead_letters_open 0.0", "hub_outbox_backlog{kind=\"side_effects\"} 0.0")
                .doesNotContain("hub_side_effects_oldest_age_seconds{channel=\"sms\",status=\"succeeded\"}");
    }

    @Test
    void countsAndAgesAreSetFromTheCensusAgainstTheDatabasesClock() {
        gauges.update(new Census(NOW, List.of(
                new StateCount(SideEffectChannel.PAYMENTS, SideEffectStatus.IN_PROGRESS, 2, NOW.minusSeconds(700)),
                new StateCount(SideEffectChannel.SMS, SideEffectStatus.UNKNOWN, 1, NOW.minusMillis(1500)),
                new StateCount(SideEffectChannel.ACCOUNTING, SideEffectStatus.SUCCEEDED, 40, NOW.minusSeconds(9000))),
                3, 5));

        String scrape = registry.scrape();
        assertThat(scrape).contains(
                "hub_side_effects{channel=\"payments\",status=\"in_progress\"} 2.0",
                "hub_side_effects{channel=\"sms\",status=\"unknown\"} 1.0",
                "hub_side_effects{channel=\"accounting\",status=\"succeeded\"} 40.0",
                "hub_side_effects_oldest_age_seconds{channel=\"payments\",status=\"in_progress\"} 700.0",
                "hub_side_effects_oldest_age_seconds{channel=\"sms\",status=\"unknown\"} 1.5",
                "hub_dead_letters_open 3.0",
                "hub_outbox_backlog{kind=\"side_effects\"} 5.0");
    }

    @Test
    void aStateThatEmptiedGoesBackToZeroAndAnAgeNeverTurnsNegative() {
        gauges.update(new Census(NOW, List.of(
                new StateCount(SideEffectChannel.PAYMENTS, SideEffectStatus.PENDING, 4, NOW.minusSeconds(30))), 1, 4));

        gauges.update(new Census(NOW, List.of(
                new StateCount(SideEffectChannel.FLOWS, SideEffectStatus.RETRYING, 1, NOW.plusSeconds(2))), 0, 0));

        assertThat(registry.scrape()).contains(
                "hub_side_effects{channel=\"payments\",status=\"pending\"} 0.0",
                "hub_side_effects_oldest_age_seconds{channel=\"payments\",status=\"pending\"} 0.0",
                "hub_side_effects{channel=\"flows\",status=\"retrying\"} 1.0",
                "hub_side_effects_oldest_age_seconds{channel=\"flows\",status=\"retrying\"} 0.0",
                "hub_dead_letters_open 0.0");
    }
}
