package io.financehub.sideeffect.domain;

/** Every side effect the hub performs, with the action part of its idempotency key. */
public enum SideEffectAction {
    CREATE_PAYMENT_INTENT("create-payment-intent", SideEffectChannel.PAYMENTS, false),
    POST_INVOICE("post-invoice", SideEffectChannel.ACCOUNTING, false),
    POST_PAYMENT("post-payment", SideEffectChannel.ACCOUNTING, false),
    POST_REFUND("post-refund", SideEffectChannel.ACCOUNTING, true),
    SMS_INVOICE_ISSUED("sms-invoice-issued", SideEffectChannel.SMS, false),
    SMS_PAYMENT_RECEIPT("sms-payment-receipt", SideEffectChannel.SMS, false),
    SMS_PAYMENT_FAILED("sms-payment-failed", SideEffectChannel.SMS, false),
    SMS_REFUND("sms-refund", SideEffectChannel.SMS, true);

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

    public static SideEffectAction fromKeyPart(String keyPart) {
        for (SideEffectAction action : values()) {
            if (action.keyPart.equals(keyPart)) {
                return action;
            }
        }
        throw new IllegalArgumentException("unknown side-effect action: " + keyPart);
    }
}
