package io.financehub.platform.metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs every {@link PeriodicSample} on its own schedule once the application has started (the database is migrated
 * by then), the first time after its initial delay. Two threads: a slow sample (the reconciliation reads the whole ledger) does not
 * hold the others up. A sample that fails is logged and tried again next period; its gauges keep their last values.
 */
public class MeterSampler implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(MeterSampler.class);

    private final List<PeriodicSample> samples;
    private ScheduledExecutorService scheduler;

    public MeterSampler(List<PeriodicSample> samples) {
        this.samples = List.copyOf(samples);
    }

    @Override
    public synchronized void start() {
        AtomicInteger threads = new AtomicInteger();
        scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "meter-sampler-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (PeriodicSample sample : samples) {
            scheduler.scheduleWithFixedDelay(() -> run(sample), sample.initialDelay().toMillis(),
                    sample.period().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Runs one sample now; never throws, so its schedule goes on. */
    static void run(PeriodicSample sample) {
        try {
            sample.task().run();
        } catch (RuntimeException e) {
            if (!Thread.currentThread().isInterrupted()) {
                // (interrupted: the hub is stopping, and the sample with it)
                LOG.warn("could not sample {}; its meters keep their previous values: {}", sample.name(),
                        e.toString());
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
