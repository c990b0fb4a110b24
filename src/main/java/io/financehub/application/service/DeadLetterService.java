package io.financehub.application.service;

import io.financehub.application.port.in.DeadLetterAdministration;
import io.financehub.application.port.out.DeadLetterStore;
import io.financehub.application.port.out.DeadLetterStore.DeadLetter;
import io.financehub.application.port.out.MessageRedelivery;
import io.financehub.application.port.out.SideEffectQueue;
import io.financehub.application.port.out.SideEffectRepository;
import io.financehub.application.port.out.TransactionRunner;
import io.financehub.domain.model.IdempotencyKey;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** {@link DeadLetterAdministration} over the dead-letter store. */
public class DeadLetterService implements DeadLetterAdministration {

    private final DeadLetterStore store;
    private final SideEffectRepository sideEffects;
    private final SideEffectQueue queue;
    private final MessageRedelivery redelivery;
    private final TransactionRunner tx;
    private final Clock clock;

    public DeadLetterService(DeadLetterStore store, SideEffectRepository sideEffects, SideEffectQueue queue,
                             MessageRedelivery redelivery, TransactionRunner tx, Clock clock) {
        this.store = store;
        this.sideEffects = sideEffects;
        this.queue = queue;
        this.redelivery = redelivery;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public List<DeadLetter> list(Long beforeId, int limit) {
        return store.list(beforeId, limit);
    }

    @Override
    public String retry(long id) {
        DeadLetter letter = store.find(id).orElseThrow(() -> new NotFoundException(id));
        boolean mine = tx.inTransaction(() -> {
            if (!store.markRetried(id, clock.instant())) {
                return false;
            }
            if (letter.idempotencyKey() != null) {
                sideEffects.reopen(letter.idempotencyKey(), clock.instant());
            }
            return true;
        });
        if (!mine) {
            return "already-retried";
        }
        if (letter.idempotencyKey() != null) {
            IdempotencyKey key = IdempotencyKey.parse(letter.idempotencyKey());
            queue.enqueue(key.action().channel(), key.value());
        } else {
            redelivery.redeliver(letter.queue(), letter.body(), letter.headers());
        }
        return "retried";
    }

    @Override
    public void recordFromBroker(String queue, String reason, String messageId, String body,
                                 Map<String, String> headers, int attempts) {
        String key = headers.get("idempotencyKey");
        store.record(new DeadLetterStore.NewDeadLetter(queue, reason, messageId, key, body, headers, attempts,
                clock.instant()));
    }
}
