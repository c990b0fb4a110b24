package io.financehub.sideeffect.domain;

import java.util.Objects;

/** Key = invoice id + action (+ event id for per-event actions). */
public record IdempotencyKey(String invoiceId, SideEffectAction action, String eventId) {

    public IdempotencyKey {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(action, "action");
        if (action.perEvent() == (eventId == null)) {
            throw new IllegalArgumentException(action.keyPart() + (action.perEvent()
                    ? " needs an event id" : " takes no event id"));
        }
    }

    public static IdempotencyKey of(String invoiceId, SideEffectAction action) {
        return new IdempotencyKey(invoiceId, action, null);
    }

    public static IdempotencyKey of(String invoiceId, SideEffectAction action, String eventId) {
        return new IdempotencyKey(invoiceId, action, eventId);
    }

    /** Parses {@code INV-1:post-refund:evt_1}; invoice ids never contain ':'. */
    public static IdempotencyKey parse(String value) {
        String[] parts = value.split(":", 3);
        if (parts.length < 2) {
            throw new IllegalArgumentException("not an idempotency key: " + value);
        }
        return new IdempotencyKey(parts[0], SideEffectAction.fromKeyPart(parts[1]), parts.length == 3 ? parts[2] : null);
    }

    public String value() {
        return invoiceId + ":" + action.keyPart() + (eventId == null ? "" : ":" + eventId);
    }

    @Override
    public String toString() {
        return value();
    }
}
