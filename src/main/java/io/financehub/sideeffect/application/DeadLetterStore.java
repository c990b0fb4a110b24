package io.financehub.sideeffect.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Messages and side effects the hub gave up on, kept until an operator retries them. */
public interface DeadLetterStore extends DeadLetterQuery {

    long record(NewDeadLetter deadLetter);

    Optional<DeadLetter> find(long id);

    /**
     * Claims a dead letter for one retry: an open one, or one whose earlier retry claim is older than
     * {@code staleAfter} (its holder died between claiming and marking it), becomes {@code retrying}. The claim's
     * age is measured by the store's clock (the database's), so replicas whose clocks disagree agree on it.
     *
     * @return false when someone else holds or finished its retry
     */
    boolean claimForRetry(long id, Duration staleAfter);

    /** Ends a claimed retry whose message was handed on: {@code retrying} becomes {@code retried}. */
    boolean markRetried(long id, Instant now);

    /** Gives a claimed retry up because its message was not handed on: {@code retrying} becomes {@code open} again. */
    void releaseRetry(long id);

    record NewDeadLetter(String queue, String reason, String messageId, String idempotencyKey, String body,
                         Map<String, String> headers, int attempts, Instant failedAt) {
    }

    record DeadLetter(long id, String queue, String reason, String messageId, String idempotencyKey, String body,
                      Map<String, String> headers, int attempts, String status, Instant failedAt, Instant retriedAt) {
    }
}
