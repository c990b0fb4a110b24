package io.financehub.sideeffect.application;

import io.financehub.sideeffect.domain.IdempotencyKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Hands side effects to their queues once the transaction that created them ({@link
 * SideEffectRepository#createIfAbsent}) has committed. Shared by every use case that triggers side effects, so the
 * outbox rule lives in one place.
 * <p>
 * The hand-off runs on its own small executor, not on the caller's thread: the stored row is the guarantee and the
 * outbox relay re-sends whatever is not dispatched, so an answer to the invoicing application never waits on the
 * broker (an unreachable broker makes each send block for half a minute before it fails).
 */
public class SideEffectDispatch {

    private static final Logger LOG = LoggerFactory.getLogger(SideEffectDispatch.class);

    private final SideEffectRepository sideEffects;
    private final SideEffectQueue queue;
    private final Executor handOff;

    public SideEffectDispatch(SideEffectRepository sideEffects, SideEffectQueue queue, Executor handOff) {
        this.sideEffects = sideEffects;
        this.queue = queue;
        this.handOff = handOff;
    }

    /**
     * Enqueues side effects whose creating transaction has committed. A failure here loses nothing: the rows
     * stay pending and the relay enqueues them later.
     */
    public void dispatchAll(List<IdempotencyKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        List<IdempotencyKey> batch = List.copyOf(keys);
        try {
            handOff.execute(() -> enqueueNow(batch));
        } catch (RejectedExecutionException e) {
            LOG.warn("hand-off is full or stopping; the relay will enqueue {} side effect(s)", batch.size());
        }
    }

    private void enqueueNow(List<IdempotencyKey> keys) {
        keys.forEach(this::enqueueNow);
    }

    /**
     * Hands one committed side effect to its queue on the caller's thread, for callers that report whether the
     * broker took it (operator actions).
     *
     * @return false when the broker could not be reached; the row stays pending and the relay enqueues it later
     */
    public boolean enqueueNow(IdempotencyKey key) {
        try {
            queue.enqueue(key.action().channel(), key.value());
            sideEffects.markDispatched(key.value());
            return true;
        } catch (RuntimeException e) {
            LOG.warn("could not enqueue {} now; the relay will retry", key, e);
            return false;
        }
    }
}
