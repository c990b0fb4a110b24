package io.financehub.sideeffect.application;

import io.financehub.sideeffect.domain.SideEffectChannel;

import java.time.Duration;

/** Durable queues that carry side-effect keys to their workers, one queue per channel. */
public interface SideEffectQueue {

    void enqueue(SideEffectChannel channel, String idempotencyKey);

    /** Enqueues for delivery after {@code delay} (vendor back-off, Retry-After). */
    void enqueueAfter(SideEffectChannel channel, String idempotencyKey, Duration delay);

    /** The channel's queue as operators see it on a dead letter. */
    String address(SideEffectChannel channel);
}
