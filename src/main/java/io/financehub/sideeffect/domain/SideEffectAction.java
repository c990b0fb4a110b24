package io.financehub.sideeffect.domain;

import java.util.Optional;

/** Every side effect the hub performs, with the action part of its idempotency key. */
public enum SideEffectAction {
    CREATE_PAYMENT_INTENT("create-payment-intent", SideEffectChannel.PAYMENTS, false),
    POST_INVOICE("post-invoice", SideEffectChannel.ACCOUNTING, false),
    POST_PAYMENT("post-payment", SideEffectChannel.ACCOUNTING, false),
    POST_REFUND("post-refund", SideEffectChannel.ACCOUNTING, true),
    SMS_INVOICE_ISSUED("sms-invoice-issued", SideEffectChannel.SMS, false),
    SMS_PAYMENT_RECEIPT("sms-payment-receipt", SideEffectChannel.SMS, false),
    SMS_PAYMENT_FAILED("sms-payment-failed", SideEffectChannel.SMS, false),
    SMS_REFUND("sms-refund", SideEffectChannel.SMS, true),
    /**
     * A call a YAML flow makes through the {@code hub-side-effect} kamelet; its key keeps the flow's own text
     * ({@link IdempotencyKey#flowStep}), so this key part never appears in a key.
     */
    FLOW_CALL("flow-call", SideEffectChannel.FLOWS, false);

    private final String keyPart;
    private final SideEffectChannel channel;
    private final boolean perEvent;

    SideEffectAction(String keyPart, SideEffectChannel channel, boolean perEvent) {
        this.keyPart = keyPart;
        this.channel = channel;
        this.perEvent = perEvent;
    }

    public String keyPart() {
        return keyPart;
    }

    public SideEffectChannel channel() {
        return channel;
    }

    /** Refund actions are keyed per webhook event: {@code {id}:post-refund:{eventId}}. */
    public boolean perEvent() {
        return perEvent;
    }

    /** The built-in action a key part names, if any; never {@link #FLOW_CALL}. */
    public static Optional<SideEffectAction> builtIn(String keyPart) {
        for (SideEffectAction action : values()) {
            if (action != FLOW_CALL && action.keyPart.equals(keyPart)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }

    /** Whether a flow may not use {@code name}: it is a built-in action's key part, or {@link #FLOW_CALL}'s. */
    public static boolean reserved(String name) {
        for (SideEffectAction action : values()) {
            if (action.keyPart.equals(name)) {
                return true;
            }
        }
        return false;
    }
}
