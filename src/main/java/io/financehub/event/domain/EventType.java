package io.financehub.event.domain;

/**
 * The kinds of domain event the hub publishes on {@code hub.events}. The wire names are what flows select on
 * ({@code eventType = 'payment.succeeded'}); they never change.
 */
public enum EventType {
    INVOICE_ISSUED("invoice.issued"),
    PAYMENT_SUCCEEDED("payment.succeeded"),
    PAYMENT_FAILED("payment.failed"),
    PAYMENT_REFUNDED("payment.refunded"),
    LEDGER_POSTED("ledger.posted"),
    SMS_DELIVERED("sms.delivered"),
    SMS_FAILED("sms.failed"),
    SMS_UNKNOWN("sms.unknown"),
    SIDE_EFFECT_DEAD_LETTERED("side-effect.dead-lettered");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    /** The {@code eventType} of the message body and of its JMS property. */
    public String wireName() {
        return wireName;
    }
}
