package io.financehub.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The recovery runs from the vendors' own records, counted per replica as they happen (scheduled or from the admin
 * action): {@code hub_recovery_runs_total{vendor, outcome=succeeded|failed}} and
 * {@code hub_recovery_recovered_total{vendor}}, what the runs found that the hub had missed (Stripe events never
 * received, Twilio messages settled). Every series exists from the start, as 0.
 */
public final class RecoveryMetrics {

    static final String RUNS = "hub.recovery.runs";
    static final String RECOVERED = "hub.recovery.recovered";
    public static final List<String> VENDORS = List.of("stripe", "twilio");

    private final Map<String, Counter> succeeded;
    private final Map<String, Counter> failed;
    private final Map<String, Counter> recovered;

    public RecoveryMetrics(MeterRegistry registry) {
        succeeded = byVendor(v -> run(registry, v, "succeeded"));
        failed = byVendor(v -> run(registry, v, "failed"));
        recovered = byVendor(v -> Counter.builder(RECOVERED)
                .description("What recovery runs found the hub had missed: Stripe events, settled Twilio messages")
                .tag("vendor", v).register(registry));
    }

    /** A run that read the vendor's records to the end and found {@code found} things the hub had missed. */
    public void succeeded(String vendor, int found) {
        succeeded.get(vendor).increment();
        recovered.get(vendor).increment(found);
    }

    /**
     * A run the vendor's failure ended; {@code found} is what it still recovered before (Twilio settles message by
     * message; a failed Stripe run stores nothing).
     */
    public void failed(String vendor, int found) {
        failed.get(vendor).increment();
        recovered.get(vendor).increment(found);
    }

    private static Counter run(MeterRegistry registry, String vendor, String outcome) {
        return Counter.builder(RUNS).description("Recovery runs from the vendors' own records, by outcome")
                .tag("vendor", vendor).tag("outcome", outcome).register(registry);
    }

    private static Map<String, Counter> byVendor(Function<String, Counter> counter) {
        return VENDORS.stream().collect(Collectors.toUnmodifiableMap(Function.identity(), counter));
    }
}
