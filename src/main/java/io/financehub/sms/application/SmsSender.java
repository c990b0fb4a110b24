package io.financehub.sms.application;

import io.financehub.sideeffect.application.VendorOutcome;
import java.time.Instant;
import java.util.List;

/** Sends text messages. The vendor has no idempotency: the hub calls {@link #send} at most once per key. */
public interface SmsSender {

    /** The vendor's name in the meters: {@code twilio}, or {@code sandbox-twilio} for the in-process sandbox. */
    String vendor();

    /**
     * Sends one message, in one request: an implementation never retries by itself, because a retried request can
     * send the message twice. Vendor errors come back as the outcome, never as an exception.
     */
    VendorOutcome send(SmsRequest request);

    /**
     * Lists the messages already sent to {@code to} with this body since {@code since}: how an attempt whose outcome
     * is unknown is settled without sending again. The vendor's list does not say which key a message was sent for,
     * and two keys can share recipient, time and text, so every candidate is returned: the caller excludes those it
     * has recorded for other keys.
     *
     * @return the vendor's matching messages, oldest first; empty when the vendor has none
     * @throws LookupFailedException when the vendor could not be asked; that is not "not found", and must never
     *                               lead to a resend
     */
    List<SentMessage> findSent(String to, String body, Instant since);

    record SmsRequest(String idempotencyKey, String to, String body, String statusCallbackUrl) {
    }

    /** @param status the vendor's own status name for the message ({@code queued}, {@code delivered}, ...) */
    record SentMessage(String providerMessageId, String status) {
    }

    /** The vendor could not be asked whether a message was sent (unreachable, error answer). */
    class LookupFailedException extends RuntimeException {
        public LookupFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
