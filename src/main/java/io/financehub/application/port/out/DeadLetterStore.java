package io.financehub.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Messages and side effects the hub gave up on, kept until an operator retries them. */
public interface DeadLetterStore {

    long record(NewDeadLetter deadLetter);

    /** Newest first; {@code beforeId} is the paging cursor (null for the first page). */
    List<DeadLetter> list(Long beforeId, int limit);

    Optional<DeadLetter> find(long id);

    /** Marks an open dead letter as retried; false when it was not open (someone retried it already). */
    boolean markRetried(long id, Instant now);

    record NewDeadLetter(String queue, String reason, String messageId, String idempotencyKey, String body,
                         Map<String, String> headers, int attempts, Instant failedAt) {
    }

    record DeadLetter(long id, String queue, String reason, String messageId, String idempotencyKey, String body,
                      Map<String, String> headers, int attempts, String status, Instant failedAt, Instant retriedAt) {
    }
}
