package io.financehub.sideeffect.adapter;

import io.financehub.platform.metrics.SampledGauge;
import io.financehub.sideeffect.adapter.JdbcSideEffectCensus.Census;
import io.financehub.sideeffect.adapter.JdbcSideEffectCensus.StateCount;
import io.financehub.sideeffect.domain.SideEffectChannel;
import io.financehub.sideeffect.domain.SideEffectStatus;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The side-effect gauges, set from one {@link Census} per sample: {@code hub.side_effects} (tags {@code channel},
 * {@code status}), {@code hub.side_effects.oldest_age} in seconds (the states a row can be stuck in),
 * {@code hub.dead_letters.open} and {@code hub.outbox.backlog} with {@code kind=side_effects}.
 */
public class SideEffectGauges {

    /** The states worth an age: those a row waits in. Final states are history, not waiting. */
    static final List<SideEffectStatus> AGED = List.of(SideEffectStatus.PENDING, SideEffectStatus.IN_PROGRESS,
            SideEffectStatus.RETRYING, SideEffectStatus.UNKNOWN);

    private final SampledGauge count;
    private final SampledGauge oldestAge;
    private final SampledGauge openDeadLetters;
    private final SampledGauge backlog;

    public SideEffectGauges(MeterRegistry registry) {
        count = SampledGauge.register(registry, "hub.side_effects", "Side effects (idempotency keys) by channel "
                + "and status", null, List.of("channel", "status"), combinations(List.of(SideEffectStatus.values())));
        oldestAge = SampledGauge.register(registry, "hub.side_effects.oldest_age", "Age of the oldest side effect "
                + "in the state (0 when none)", "seconds", List.of("channel", "status"), combinations(AGED));
        openDeadLetters = SampledGauge.register(registry, "hub.dead_letters.open", "Dead letters no operator has "
                + "retried", null);
        backlog = SampledGauge.register(registry, "hub.outbox.backlog", "Rows stored and due that nothing has taken "
                + "from the outbox yet", null, List.of("kind"), List.of(List.of("side_effects")));
    }

    public void update(Census census) {
        Map<List<String>, Long> counts = new HashMap<>();
        Map<List<String>, Double> ages = new HashMap<>();
        for (StateCount state : census.states()) {
            List<String> tags = tags(state.channel(), state.status());
            counts.put(tags, state.count());
            if (AGED.contains(state.status()) && state.oldest() != null) {
                // a clock that disagrees within one statement can only make an age negative: none is
                ages.put(tags, Math.max(0, Duration.between(state.oldest(), census.now()).toMillis() / 1000.0));
            }
        }
        count.update(counts);
        oldestAge.update(ages);
        openDeadLetters.set(census.openDeadLetters());
        backlog.update(Map.of(List.of("side_effects"), census.backlog()));
    }

    private static List<List<String>> combinations(List<SideEffectStatus> statuses) {
        List<List<String>> all = new ArrayList<>();
        for (SideEffectChannel channel : SideEffectChannel.values()) {
            statuses.forEach(status -> all.add(tags(channel, status)));
        }
        return all;
    }

    private static List<String> tags(SideEffectChannel channel, SideEffectStatus status) {
        return List.of(channel.name().toLowerCase(), status.dbValue());
    }
}
