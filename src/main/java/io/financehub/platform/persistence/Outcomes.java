package io.financehub.platform.persistence;

import io.financehub.sideeffect.application.VendorOutcome;

/** The audit columns every vendor-call table shares, read off a {@link VendorOutcome}. */
public final class Outcomes {

    private Outcomes() {
    }

    public static String reference(VendorOutcome outcome) {
        return outcome instanceof VendorOutcome.Succeeded s ? s.reference() : null;
    }

    public static String errorCode(VendorOutcome outcome) {
        return outcome instanceof VendorOutcome.Rejected r ? Text.clip(r.code(), 128) : null;
    }

    public static String response(VendorOutcome outcome) {
        if (outcome.exchange().response() != null) {
            return outcome.exchange().response();
        }
        if (outcome instanceof VendorOutcome.Unknown u) {
            return "no response: " + u.message();
        }
        if (outcome instanceof VendorOutcome.Retryable r) {
            return "no response: " + r.message();
        }
        return null;
    }
}
