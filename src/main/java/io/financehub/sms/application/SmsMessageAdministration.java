package io.financehub.sms.application;

import io.financehub.platform.web.NotFoundException;
import io.financehub.sms.application.SmsMessageLog.SmsMessage;

import java.util.List;
import java.util.Set;

/**
 * What operators do with SMS messages the hub could not settle by itself: list them (above all those whose outcome
 * is {@code unknown}), look them up at the vendor, and resend one on purpose. Nothing here ever sends a message the
 * vendor already has: a resend of an {@code unknown} message looks it up first.
 */
public interface SmsMessageAdministration {

    /** Every status a message can have in {@code sms_messages}. */
    Set<String> STATUSES = Set.of("pending", "sending", "retrying", "queued", "sent", "delivered", "undelivered",
            "failed", "unknown");

    /**
     * Newest first.
     *
     * @param status   one of {@link #STATUSES}, or null for every message
     * @param beforeId paging cursor: the previous page's last message id; null for the first page
     */
    List<SmsMessage> list(String status, Long beforeId, int limit);

    /**
     * Looks an {@code unknown} message up at the vendor (by recipient, date and text). Found: it is settled as sent,
     * with the vendor's id and status, and its side effect succeeds. Not found: it stays {@code unknown}.
     * Recorded with the operator's name.
     *
     * @throws NotFoundException when no SMS has this key
     */
    ActionResult lookup(String idempotencyKey, String operator);

    /**
     * Sends an {@code unknown} or {@code failed} message again, on purpose. An {@code unknown} one is looked up first
     * and only resent when the vendor does not have it (found: settled as sent instead; lookup impossible: nothing
     * happens). The side effect is reopened under its key and dispatched, so it still goes through the one executor.
     * Recorded with the operator's name.
     *
     * @throws NotFoundException when no SMS has this key
     */
    ActionResult resend(String idempotencyKey, String operator);

    /**
     * {@link #resend} on behalf of an operator's dead-letter retry: the same lookup first, recorded as action
     * {@code dead-letter}.
     *
     * @throws NotFoundException when no SMS has this key
     */
    ActionResult resendFromDeadLetter(String idempotencyKey, String operator);

    /**
     * @param outcome           what happened: {@code found}, {@code not-found}, {@code lookup-failed},
     *                          {@code not-unknown}, {@code resent}, {@code not-resendable}
     * @param status            the message's status afterwards
     * @param providerMessageId the vendor's id for it, when known
     * @param message           the same in words, for the operator
     */
    record ActionResult(String idempotencyKey, String outcome, String status, String providerMessageId,
                        String message) {
    }
}
