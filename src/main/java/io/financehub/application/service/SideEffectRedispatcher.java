package io.financehub.application.service;

import io.financehub.application.port.in.RedispatchSideEffectsUseCase;
import io.financehub.application.port.out.SideEffectQueue;
import io.financehub.application.port.out.SideEffectRepository;
import io.financehub.domain.model.SideEffect;

import java.time.Clock;
import java.time.Instant;

/** The outbox relay behind {@link RedispatchSideEffectsUseCase}. */
public class SideEffectRedispatcher implements RedispatchSideEffectsUseCase {

    private static final int BATCH = 500;

    private final SideEffectRepository sideEffects;
    private final SideEffectQueue queue;
    private final SideEffectPolicy policy;
    private final Clock clock;

    public SideEffectRedispatcher(SideEffectRepository sideEffects, SideEffectQueue queue, SideEffectPolicy policy,
                                  Clock clock) {
        this.sideEffects = sideEffects;
        this.queue = queue;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public int redispatchStale() {
        Instant now = clock.instant();
        Instant dispatchedBefore = now.minus(policy.redispatchAfter());
        int count = 0;
        for (SideEffect effect : sideEffects.findDueForRedispatch(dispatchedBefore, now.minus(policy.lease()), BATCH)) {
            // only the replica that wins this update sends the message
            if (sideEffects.markDispatched(effect.key().value(), now, dispatchedBefore)) {
                queue.enqueue(effect.action().channel(), effect.key().value());
                count++;
            }
        }
        return count;
    }
}
