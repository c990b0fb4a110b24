package io.financehub.sideeffect.domain;

/**
 * Life of a claimed side effect. {@code UNKNOWN} means the request may have reached the vendor but the
 * hub never learnt the result; it is settled by a lookup or an operator, never by a blind resend.
 */
public enum SideEffectStatus {
    PENDING, IN_PROGRESS, RETRYING, SUCCEEDED, FAILED, UNKNOWN, SKIPPED;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == SKIPPED;
    }

    public String dbValue() {
        return name().toLowerCase();
    }

    public static SideEffectStatus fromDb(String value) {
        return valueOf(value.toUpperCase());
    }
}
