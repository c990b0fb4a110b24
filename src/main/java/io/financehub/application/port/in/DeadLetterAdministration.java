package io.financehub.application.port.in;

import io.financehub.application.port.out.DeadLetterStore.DeadLetter;

import java.util.List;
import java.util.Map;

/** What operators do with messages and side effects the hub gave up on. */
public interface DeadLetterAdministration {

    /** Newest first; {@code beforeId} is the cursor of the previous page's last item (null for the first page). */
    List<DeadLetter> list(Long beforeId, int limit);

    /**
     * Retries a dead letter through the normal path: a side effect is reopened under its key and dispatched (so
     * it stays exactly-once); a plain message is put back on its queue.
     *
     * @return {@code retried}, or {@code already-retried}; {@code not_found} is an exception
     */
    String retry(long id);

    /** Records a message the broker dead-lettered after its last delivery attempt. */
    void recordFromBroker(String queue, String reason, String messageId, String body, Map<String, String> headers,
                          int attempts);

    /** The dead letter does not exist. */
    class NotFoundException extends RuntimeException {
        public NotFoundException(long id) {
            super("no dead letter " + id);
        }
    }
}
