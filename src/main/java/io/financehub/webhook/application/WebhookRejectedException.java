package io.financehub.webhook.application;

/** A webhook the hub refuses: nothing of it was stored. Its {@link Reason} maps to an error code of the hub's JSON errors. */
public class WebhookRejectedException extends RuntimeException {

    /** Why a webhook was refused. */
    public enum Reason {
        /** missing, garbled or non-matching signature */
        INVALID_SIGNATURE,
        /** authentic signature, but its timestamp is outside the tolerance (either direction) */
        STALE_TIMESTAMP,
        /** authentic, but not an event the hub can read (not UTF-8, not JSON/form, no id or type, id too long) */
        MALFORMED_PAYLOAD
    }

    private final Reason reason;

    public WebhookRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
