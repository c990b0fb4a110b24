package io.financehub.sideeffect.domain;

import java.time.Instant;
import java.util.Map;

/**
 * One side effect the hub owes a vendor, as stored under its idempotency key. {@code parameters} holds what
 * the action needs beyond the invoice (e.g. the refund amount), fixed when the side effect was created.
 */
public record SideEffect(IdempotencyKey key, SideEffectStatus status, int attempts, Map<String, String> parameters,
                         String resultRef, String lastError, Instant createdAt, Instant claimedAt, Instant completedAt) {

    public SideEffectAction action() {
        return key.action();
    }

    public String invoiceId() {
        return key.invoiceId();
    }

    public long parameterAsLong(String name) {
        String value = parameters.get(name);
        if (value == null) {
            throw new IllegalStateException(key + " has no parameter " + name);
        }
        return Long.parseLong(value);
    }
}
