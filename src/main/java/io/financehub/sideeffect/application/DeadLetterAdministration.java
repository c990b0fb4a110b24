package io.financehub.sideeffect.application;

import io.financehub.platform.web.NotFoundException;

import java.util.Map;

/** What operators do with messages and side effects the hub gave up on; they read them through {@link DeadLetterQuery}. */
public interface DeadLetterAdministration {

    /**
     * Retries a dead letter through the normal path: a side effect is reopened under its key and dispatched (so
     * it stays exactly-once); a plain message is put back on its queue. The dead letter is marked retried only
     * once its message was handed on; one retry runs at a time.
     *
     * @return status {@code retried}, or {@code already-retried}
     * @throws NotFoundException         no such dead letter
     * @throws RetryInProgressException  another retry of it is running
     * @throws RetryUnavailableException the message could not be handed on now; the dead letter stays open
     */
    RetryResult retry(long id, String operator);

    /** Records a message the broker dead-lettered after its last delivery attempt. */
    void recordFromBroker(String queue, String reason, String messageId, String body, Map<String, String> headers,
                          int attempts);

    /**
     * @param status  {@code retried} or {@code already-retried}
     * @param outcome what the retry did ({@code redelivered}, {@code queued}, ...); null for {@code already-retried}
     */
    record RetryResult(String status, String outcome, String message) {
    }

    /** Another retry of the same dead letter holds it right now. */
    class RetryInProgressException extends RuntimeException {
        public RetryInProgressException(long id) {
            super("dead letter " + id + " is being retried right now; nothing more was sent");
        }
    }

    /** The retry could not be carried out now; nothing was handed on and the dead letter stays open. */
    class RetryUnavailableException extends RuntimeException {

        /** What could not be reached. */
        public enum Cause { BROKER, VENDOR }

        private final Cause unavailable;

        public RetryUnavailableException(Cause unavailable, String message, Throwable cause) {
            super(message, cause);
            this.unavailable = unavailable;
        }

        public Cause unavailable() {
            return unavailable;
        }
    }
}
