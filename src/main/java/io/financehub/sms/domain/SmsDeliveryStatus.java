package io.financehub.sms.domain;

/**
 * Twilio's message statuses in the order they only ever move: {@code queued < sending < sent < delivered}, with
 * {@code undelivered} and {@code failed} final. A late callback never moves a message back.
 */
public enum SmsDeliveryStatus {
    QUEUED(0), SENDING(1), SENT(2), DELIVERED(3), UNDELIVERED(3), FAILED(3);

    private final int rank;

    SmsDeliveryStatus(int rank) {
        this.rank = rank;
    }

    /** Whether a message in this status may move to {@code next}. */
    public boolean canMoveTo(SmsDeliveryStatus next) {
        return next.rank > rank;
    }

    public String dbValue() {
        return name().toLowerCase();
    }

    /** Maps Twilio's names ({@code accepted} and {@code scheduled} count as queued); null for unknown names. */
    public static SmsDeliveryStatus ofVendorName(String name) {
        if (name == null) {
            return null;
        }
        return switch (name.toLowerCase()) {
            case "queued", "accepted", "scheduled" -> QUEUED;
            case "sending" -> SENDING;
            case "sent" -> SENT;
            case "delivered" -> DELIVERED;
            case "undelivered" -> UNDELIVERED;
            case "failed" -> FAILED;
            default -> null;
        };
    }
}
