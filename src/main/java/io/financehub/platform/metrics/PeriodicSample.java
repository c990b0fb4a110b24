package io.financehub.platform.metrics;

import java.time.Duration;
import java.util.Objects;

/**
 * One refresh of sampled meters that {@link MeterSampler} runs every {@code period}; declared as a bean by the
 * capability the meters belong to.
 *
 * @param name         what is sampled, for the log line when a sample fails
 * @param initialDelay time from the start of the hub to the first sample
 * @param period       time between the end of one sample and the start of the next
 * @param task         reads the store and sets the gauges; a failure keeps the previous values
 */
public record PeriodicSample(String name, Duration initialDelay, Duration period, Runnable task) {

    public PeriodicSample {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(task, "task");
    }

    /** A sample taken as soon as the hub has started, then every {@code period}. */
    public PeriodicSample(String name, Duration period, Runnable task) {
        this(name, Duration.ZERO, period, task);
    }
}
