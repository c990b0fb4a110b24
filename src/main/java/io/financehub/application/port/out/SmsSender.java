package io.financehub.application.port.out;

import java.time.Instant;
import java.util.Optional;

/** Sends text messages. The vendor has no idempotency: the hub calls {@link #send} at most once per key. */
public interface SmsSender {

    /**
     * Sends one message, in one request: an implementation never retries by itself, because a retried request can
     * send the message twice. Vendor errors come back as the outcome, never as an exception.
     */
    VendorOutcome send(SmsRequest request);

    /**
     * Looks for a message already sent to {@code to} with this body since {@code since}: how an attempt whose
     * outcome is unknown is settled without sending again.
     *
     * @return the vendor's message, or empty when the vendor has none
     * @throws LookupFailedException when the vendor could not be asked; that is not "not found", and must never
     *                               lead to a resend
     */
    Optional<SentMessage> findSent(String to, String body, Instant since);

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
