package io.financehub.sideeffect.application;

import java.util.Map;

/** Puts a dead-lettered message back on the queue it failed from, as it was. */
public interface MessageRedelivery {

    /** @throws DeliveryFailedException when the broker did not take the message (it is not on the queue) */
    void redeliver(String queue, String body, Map<String, String> headers);

    /** The broker could not be reached or refused the message. */
    class DeliveryFailedException extends RuntimeException {
        public DeliveryFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
