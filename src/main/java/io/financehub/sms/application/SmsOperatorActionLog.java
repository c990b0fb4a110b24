package io.financehub.sms.application;

import java.time.Instant;

/** Append-only record of what operators did to SMS messages: who, when, and what came of it. */
public interface SmsOperatorActionLog {

    void record(OperatorAction action);

    /**
     * @param action          {@code lookup} or {@code resend}
     * @param operator        the authenticated operator's name
     * @param outcome         what came of it ({@code found}, {@code not-found}, {@code resent}, ...)
     * @param previousStatus  the message's status before the action
     * @param providerMessageId the vendor's id when the action found or recorded one
     */
    record OperatorAction(String idempotencyKey, String action, String operator, String outcome,
                          String previousStatus, String providerMessageId, String detail, Instant actedAt) {
    }
}
