package io.financehub.application.service;

import io.financehub.application.port.out.SideEffectQueue;
import io.financehub.application.port.out.SideEffectRepository;
import io.financehub.domain.model.IdempotencyKey;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Creates side effects (inside the caller's transaction) and hands them to their queues after it commits.
 * Shared by every use case that triggers side effects, so the outbox rule lives in one place.
 */
public class SideEffectDispatch {

    private static final Logger LOG = Logger.getLogger(SideEffectDispatch.class.getName());

    private final SideEffectRepository sideEffects;
    private final SideEffectQueue queue;

    public SideEffectDispatch(SideEffectRepository sideEffects, SideEffectQueue queue) {
        this.sideEffects = sideEffects;
        this.queue = queue;
    }

    /** Stores a pending side effect; call inside the transaction that decides it is owed. */
    public boolean create(IdempotencyKey key, Map<String, String> parameters, Instant now) {
        return sideEffects.createIfAbsent(key, parameters, now);
    }

    /**
     * Enqueues side effects whose creating transaction has committed. A failure here loses nothing: the rows
     * stay pending and the relay enqueues them later.
     */
    public void dispatchAll(List<IdempotencyKey> keys) {
        for (IdempotencyKey key : keys) {
            try {
                queue.enqueue(key.action().channel(), key.value());
                sideEffects.markDispatched(key.value());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "could not enqueue " + key + " now; the relay will retry", e);
            }
        }
    }
}
