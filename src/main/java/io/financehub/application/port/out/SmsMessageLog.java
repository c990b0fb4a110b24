package io.financehub.application.port.out;

import io.financehub.domain.model.SideEffectStatus;

/** The {@code sms_messages} audit table. */
public interface SmsMessageLog {

    /** Written inside the claim's transaction, before the send: the row exists whenever a send may have happened. */
    void claimed(String invoiceId, String idempotencyKey, String to, String template, String payload);

    void finished(String idempotencyKey, VendorOutcome outcome, SideEffectStatus status);
}
