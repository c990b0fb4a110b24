package io.financehub.sideeffect.adapter;

import io.financehub.sideeffect.application.SideEffectHandler;
import io.financehub.sideeffect.application.VendorCallMeter;
import io.financehub.sideeffect.application.VendorOutcome;
import io.financehub.sideeffect.domain.SideEffectAction;
import io.financehub.sideeffect.domain.SideEffectStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code hub.vendor.calls}: a timer with histogram buckets (so p99 can be computed in Prometheus), tags
 * {@code vendor}, {@code operation} and {@code outcome} ({@code success}, or {@code error} for anything else: a
 * refusal, a retryable answer, an unknown outcome). The built-in actions' series are registered at start, so they
 * show zeros; a flow's appear with its first call, since flows are only known when they run.
 */
public class VendorCallMetrics implements VendorCallMeter {

    static final String NAME = "hub.vendor.calls";
    static final String SUCCESS = "success";
    static final String ERROR = "error";

    private final MeterRegistry registry;

    public VendorCallMetrics(MeterRegistry registry, List<? extends SideEffectHandler<?>> handlers) {
        this.registry = registry;
        for (SideEffectHandler<?> handler : handlers) {
            handler.actions().stream().filter(action -> action != SideEffectAction.FLOW_CALL).forEach(action -> {
                timer(handler.vendor(), action.keyPart(), SUCCESS);
                timer(handler.vendor(), action.keyPart(), ERROR);
            });
        }
    }

    @Override
    public VendorOutcome measure(String vendor, String operation, Supplier<VendorOutcome> call) {
        long start = registry.config().clock().monotonicTime();
        VendorOutcome outcome = call.get();
        long took = registry.config().clock().monotonicTime() - start;
        // only a success settles as succeeded, whatever the vendor's idempotency
        String result = outcome.settledStatus(false) == SideEffectStatus.SUCCEEDED ? SUCCESS : ERROR;
        timer(vendor, operation, result).record(Duration.ofNanos(took));
        return outcome;
    }

    private Timer timer(String vendor, String operation, String outcome) {
        return Timer.builder(NAME).description("Vendor calls of the side-effect executor")
                .tag("vendor", vendor).tag("operation", operation).tag("outcome", outcome)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry);
    }
}
