package io.financehub.sms.application;

import io.financehub.sideeffect.application.VendorOutcome;
import io.financehub.sideeffect.domain.SideEffectStatus;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The {@code sms_messages} audit table: one row per SMS key, holding exactly what was (or may have been) sent. */
public interface SmsMessageLog {

    /** Written inside the claim's transaction, before the send: the row exists whenever a send may have happened. */
    void claimed(String invoiceId, String idempotencyKey, String to, String template, String payload);

    void finished(String idempotencyKey, VendorOutcome outcome, SideEffectStatus status);

    Optional<SmsMessage> find(String idempotencyKey);

    /**
     * Newest first.
     *
     * @param status   only messages in this status; null for all
     * @param beforeId paging cursor: the previous page's last {@link SmsMessage#id()}; null for the first page
     */
    List<SmsMessage> list(String status, Long beforeId, int limit);

    /**
     * Settles an {@code unknown} message that the vendor turned out to have: records its id and status. Runs inside
     * the caller's transaction, serialised with other settlements for the same recipient.
     *
     * @return false when the message is not {@code unknown} (any more), or when another key holds that vendor id
     */
    boolean settleUnknown(String idempotencyKey, String providerMessageId, String status);

    /** Which of these vendor ids are already recorded for a key other than {@code idempotencyKey}. */
    Set<String> heldByOtherKeys(Collection<String> providerMessageIds, String idempotencyKey);

    /**
     * Puts an {@code unknown} or {@code failed} message back to {@code pending} for an operator's deliberate resend.
     *
     * @return false when the message is in another status
     */
    boolean reopenForResend(String idempotencyKey);

    /** One row of {@code sms_messages}; {@code to} is the full number (the audit explains the side effect). */
    record SmsMessage(long id, String invoiceId, String idempotencyKey, String to, String template, String payload,
                      String providerMessageId, String status, String errorCode, String request, String response,
                      Instant createdAt, Instant updatedAt) {
    }
}
