package io.financehub.payment.application;

import io.financehub.sideeffect.application.VendorOutcome;
import io.financehub.sideeffect.domain.SideEffectStatus;

/** The {@code payment_attempts} audit table: one row per call to the payment gateway. */
public interface PaymentAttemptLog {

    /** Written inside the claim's transaction, before the call: the request is on record even if we crash. */
    void started(String invoiceId, String idempotencyKey, int attempt, String request);

    void finished(String idempotencyKey, int attempt, VendorOutcome outcome, SideEffectStatus status);
}
