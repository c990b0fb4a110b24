package io.financehub.flow.application;

import io.financehub.flow.domain.FlowCall;
import io.financehub.sideeffect.application.VendorOutcome;
import io.financehub.sideeffect.domain.SideEffectStatus;

/** The audit of flow calls: one row per attempt, the request as sent and the response, secrets masked. */
public interface FlowCallLog {

    /** Records attempt {@code attempt} as started; runs inside the claim's transaction. */
    void started(String invoiceId, String idempotencyKey, int attempt, FlowCall call);

    /** Completes the attempt's row with its outcome; runs inside the recording transaction. */
    void finished(String idempotencyKey, int attempt, VendorOutcome outcome, SideEffectStatus status);
}
