package io.financehub.platform.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A gauge name with a fixed set of tag combinations, each holding the value the last sample set. Every combination
 * is registered at once with 0, so dashboards and alerts see zeros rather than missing series; {@link #update} sets
 * every combination a sample did not report back to 0.
 */
public final class SampledGauge {

    private final String name;
    private final List<String> tagKeys;
    /** tag values (in {@code tagKeys} order) → the value's bits ({@link Double#doubleToLongBits}) */
    private final Map<List<String>, AtomicLong> values = new LinkedHashMap<>();

    private SampledGauge(String name, List<String> tagKeys) {
        this.name = name;
        this.tagKeys = List.copyOf(tagKeys);
    }

    /**
     * Registers {@code name} once per combination of tag values.
     *
     * @param baseUnit     null, or e.g. {@code seconds}, which Prometheus appends to the name
     * @param tagKeys      the tag names
     * @param combinations every combination of their values, each in {@code tagKeys} order
     */
    public static SampledGauge register(MeterRegistry registry, String name, String description, String baseUnit,
                                        List<String> tagKeys, Collection<List<String>> combinations) {
        SampledGauge gauge = new SampledGauge(name, tagKeys);
        for (List<String> tagValues : combinations) {
            if (tagValues.size() != tagKeys.size()) {
                throw new IllegalArgumentException(name + ": " + tagValues + " does not match tags " + tagKeys);
            }
            AtomicLong holder = new AtomicLong(Double.doubleToLongBits(0));
            gauge.values.put(List.copyOf(tagValues), holder);
            Gauge.Builder<AtomicLong> builder = Gauge.builder(name, holder, h -> Double.longBitsToDouble(h.get()))
                    .description(description).baseUnit(baseUnit).strongReference(true);
            for (int i = 0; i < tagKeys.size(); i++) {
                builder.tag(tagKeys.get(i), tagValues.get(i));
            }
            builder.register(registry);
        }
        return gauge;
    }

    /** A gauge without tags. */
    public static SampledGauge register(MeterRegistry registry, String name, String description, String baseUnit) {
        return register(registry, name, description, baseUnit, List.of(), List.of(List.of()));
    }

    /**
     * Sets the values of one sample: each combination in {@code sampled} to its value, every other to 0.
     *
     * @throws IllegalArgumentException for a combination that was not registered (nothing is changed then)
     */
    public void update(Map<List<String>, ? extends Number> sampled) {
        sampled.keySet().forEach(this::holder);
        values.forEach((tagValues, holder) -> {
            Number value = sampled.get(tagValues);
            holder.set(Double.doubleToLongBits(value == null ? 0 : value.doubleValue()));
        });
    }

    /** Sets the value of a gauge without tags. */
    public void set(double value) {
        holder(List.of()).set(Double.doubleToLongBits(value));
    }

    /** The value the last sample set, for tests and logs. */
    public double value(String... tagValues) {
        return Double.longBitsToDouble(holder(List.of(tagValues)).get());
    }

    private AtomicLong holder(List<String> tagValues) {
        AtomicLong holder = values.get(tagValues);
        if (holder == null) {
            throw new IllegalArgumentException(name + " has no series " + tagKeys + "=" + tagValues);
        }
        return holder;
    }
}
