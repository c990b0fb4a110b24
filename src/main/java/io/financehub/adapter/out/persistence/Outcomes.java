package io.financehub.adapter.out.persistence;

import io.financehub.application.port.out.VendorOutcome;

/** The audit columns every vendor-call table shares, read off a {@link VendorOutcome}. */
final class Outcomes {

    private Outcomes() {
    }

    static String reference(VendorOutcome outcome) {
        return outcome instanceof VendorOutcome.Succeeded s ? s.reference() : null;
    }

    static String errorCode(VendorOutcome outcome) {
        return outcome instanceof VendorOutcome.Rejected r ? Text.clip(r.code(), 128) : null;
    }

    static String response(VendorOutcome outcome) {
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
