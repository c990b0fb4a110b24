package io.financehub.support;

import io.financehub.sideeffect.application.SideEffectQueue;
import io.financehub.sideeffect.domain.SideEffectChannel;

import java.time.Duration;

/** A {@link SideEffectQueue} for unit tests that only look at what a service stored: every hand-off is dropped. */
public final class DiscardingSideEffectQueue implements SideEffectQueue {
    @Override
    public void enqueue(SideEffectChannel channel, String key) {
    }

    @Override
    public void enqueueAfter(SideEffectChannel channel, String key, Duration delay) {
    }

    @Override
    public String address(SideEffectChannel channel) {
        return "queue." + channel;
    }
}
