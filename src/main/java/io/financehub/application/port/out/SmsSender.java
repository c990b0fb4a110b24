package io.financehub.application.port.out;

import java.time.Instant;
import java.util.Optional;

/** Sends text messages. The vendor has no idempotency: the hub calls {@link #send} at most once per key. */
public interface SmsSender {

    VendorOutcome send(SmsRequest request);

    /**
     * Looks for a message already sent to {@code to} with this body since {@code since}: how an attempt whose
     * outcome is unknown is settled without sending again.
     *
     * @return the vendor's message id when found
     */
    Optional<String> findSent(String to, String body, Instant since);

    record SmsRequest(String idempotencyKey, String to, String body, String statusCallbackUrl) {
    }
}
