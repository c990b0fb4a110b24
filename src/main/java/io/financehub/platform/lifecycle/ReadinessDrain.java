package io.financehub.platform.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;

/**
 * The first step of a shutdown: Spring has just published {@link ReadinessState#REFUSING_TRAFFIC} (so
 * {@code /actuator/health/readiness} answers 503 {@code OUT_OF_SERVICE}), and this keeps the server serving for
 * {@code HUB_SHUTDOWN_DRAIN_DELAY} so that whoever balances traffic by readiness sees it and stops sending before
 * the port closes; requests that still come are served, not refused. Then the web server's graceful shutdown waits
 * for the requests in flight ({@code spring.lifecycle.timeout-per-shutdown-phase}) and Camel stops its consumers
 * and lets its exchanges finish ({@code camel.main.shutdown-timeout}); the database pool closes last.
 * <p>
 * It stops in the phase just before the web server's graceful shutdown, and is the only bean of that phase.
 */
public class ReadinessDrain implements SmartLifecycle {

    /** Stopped first of all: SmartLifecycle beans stop in descending phase order. */
    static final int PHASE = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE + 1;

    private static final Logger LOG = LoggerFactory.getLogger(ReadinessDrain.class);

    private final Duration delay;
    private final ApplicationAvailability availability;
    private volatile boolean running;

    public ReadinessDrain(Duration delay, ApplicationAvailability availability) {
        this.delay = delay;
        this.availability = availability;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (delay.isZero()) {
            return;
        }
        LOG.info("shutting down: readiness is {}; serving {} more before the web server drains",
                availability.getReadinessState(), delay);
        try {
            // the delay itself is the point: load balancers poll readiness on their own period, nothing to wait on
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
