package io.financehub.platform.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SampledGaugeTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    void everyCombinationIsAZeroSeriesBeforeTheFirstSample() {
        SampledGauge.register(registry, "hub.things", "things", null, List.of("colour"),
                List.of(List.of("red"), List.of("blue")));

        assertThat(registry.scrape()).contains("hub_things{colour=\"red\"} 0.0", "hub_things{colour=\"blue\"} 0.0");
    }

    @Test
    void aSampleSetsWhatItReportsAndZeroesTheRest() {
        SampledGauge gauge = SampledGauge.register(registry, "hub.things", "things", null, List.of("colour"),
                List.of(List.of("red"), List.of("blue")));
        gauge.update(Map.of(List.of("red"), 3, List.of("blue"), 2));

        gauge.update(Map.of(List.of("blue"), 5L));

        assertThat(gauge.value("red")).isZero();
        assertThat(gauge.value("blue")).isEqualTo(5);
        assertThat(registry.scrape()).contains("hub_things{colour=\"red\"} 0.0", "hub_things{colour=\"blue\"} 5.0");
    }

    @Test
    void aSeriesThatWasNeverRegisteredIsRefusedAndNothingChanges() {
        SampledGauge gauge = SampledGauge.register(registry, "hub.things", "things", null, List.of("colour"),
                List.of(List.of("red")));
        gauge.update(Map.of(List.of("red"), 1));

        assertThatThrownBy(() -> gauge.update(Map.of(List.of("red"), 2, List.of("green"), 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("green");
        assertThat(gauge.value("red")).isEqualTo(1);
    }

    @Test
    void aBaseUnitEndsThePrometheusNameAndAGaugeWithoutTagsHasOneSeries() {
        SampledGauge age = SampledGauge.register(registry, "hub.things.oldest_age", "age", "seconds");
        age.set(12.5);

        assertThat(registry.scrape()).contains("hub_things_oldest_age_seconds 12.5");
    }
}
