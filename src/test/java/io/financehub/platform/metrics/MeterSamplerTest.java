package io.financehub.platform.metrics;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class MeterSamplerTest {

    @Test
    void eachSampleRunsOnItsOwnScheduleAndAFailureDoesNotEndIt() {
        AtomicInteger failing = new AtomicInteger();
        AtomicInteger working = new AtomicInteger();
        MeterSampler sampler = new MeterSampler(List.of(
                new PeriodicSample("failing", Duration.ofMillis(20), () -> {
                    failing.incrementAndGet();
                    throw new IllegalStateException("database down");
                }),
                new PeriodicSample("working", Duration.ofMillis(20), working::incrementAndGet)));

        sampler.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> failing.get() >= 3 && working.get() >= 3);
            assertThat(sampler.isRunning()).isTrue();
        } finally {
            sampler.stop();
        }
        assertThat(sampler.isRunning()).isFalse();
    }

    @Test
    void aSampleWithAnInitialDelayWaitsForIt() {
        AtomicInteger runs = new AtomicInteger();
        MeterSampler sampler = new MeterSampler(List.of(
                new PeriodicSample("late", Duration.ofHours(1), Duration.ofMillis(10), runs::incrementAndGet),
                new PeriodicSample("early", Duration.ofMillis(10), () -> { })));
        AtomicInteger early = new AtomicInteger();
        MeterSampler probe = new MeterSampler(List.of(
                new PeriodicSample("probe", Duration.ofMillis(10), early::incrementAndGet)));

        sampler.start();
        probe.start();
        try {
            // the probe has run several periods meanwhile: the delayed sample would have, without its delay
            await().atMost(Duration.ofSeconds(5)).until(() -> early.get() >= 5);
            assertThat(runs).hasValue(0);
        } finally {
            sampler.stop();
            probe.stop();
        }
    }

    @Test
    void settingsDefaultTo15SecondsAnd15MinutesAndMustBePositive() {
        MetricsProperties defaults = new MetricsProperties(null, null);

        assertThat(defaults.samplePeriod()).isEqualTo(Duration.ofSeconds(15));
        assertThat(defaults.reconciliationPeriod()).isEqualTo(Duration.ofMinutes(15));
        assertThatThrownBy(() -> new MetricsProperties(Duration.ZERO, null))
                .hasMessageContaining("HUB_METRICS_SAMPLE_PERIOD");
        assertThatThrownBy(() -> new MetricsProperties(null, Duration.ofSeconds(-1)))
                .hasMessageContaining("HUB_METRICS_RECONCILIATION_PERIOD");
    }
}
