package io.financehub.payment.domain;

/**
 * A payment vendor's event, in the hub's terms. {@code invoiceId} comes from the object's metadata when present;
 * otherwise {@code paymentIntentId} finds the invoice. {@code amountRefunded} is the charge's cumulative refunded
 * amount (only for refunds).
 */
public record PaymentEvent(String eventId, Type type, String invoiceId, String paymentIntentId, long amountRefunded) {

    public enum Type {
        PAYMENT_SUCCEEDED("payment_intent.succeeded"),
        PAYMENT_FAILED("payment_intent.payment_failed"),
        CHARGE_REFUNDED("charge.refunded");

        private final String vendorName;

        Type(String vendorName) {
            this.vendorName = vendorName;
        }

        public String vendorName() {
            return vendorName;
        }

        /** @return the type, or null for event types the hub does not handle */
        public static Type ofVendorName(String name) {
            for (Type type : values()) {
                if (type.vendorName.equals(name)) {
                    return type;
                }
            }
            return null;
        }
    }
}
