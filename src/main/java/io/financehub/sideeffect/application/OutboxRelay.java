package io.financehub.sideeffect.application;

import io.financehub.sideeffect.domain.SideEffect;

/**
 * The outbox relay: finds side effects that were stored but never reached their queue (crash after commit) or whose
 * claim holder died, and puts them on their queue again. The claim makes the extra message harmless.
 */
public class OutboxRelay {

    private static final int BATCH = 500;

    private final SideEffectRepository sideEffects;
    private final SideEffectQueue queue;
    private final SideEffectPolicy policy;

    public OutboxRelay(SideEffectRepository sideEffects, SideEffectQueue queue, SideEffectPolicy policy) {
        this.sideEffects = sideEffects;
        this.queue = queue;
        this.policy = policy;
    }

    /** @return how many side effects were handed to their queues */
    public int redispatchStale() {
        int count = 0;
        // ages by the database's clock, which every replica shares
        for (SideEffect effect : sideEffects.findDueForRedispatch(policy.redispatchAfter(), policy.lease(), BATCH)) {
            // only the replica that wins this update sends the message
            if (sideEffects.markDispatched(effect.key().value(), policy.redispatchAfter())) {
                queue.enqueue(effect.action().channel(), effect.key().value());
                count++;
            }
        }
        return count;
    }
}
