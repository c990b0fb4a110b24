package io.financehub.application.port.out;

import java.util.Map;

/** Puts a dead-lettered message back on the queue it failed from, as it was. */
public interface MessageRedelivery {

    void redeliver(String queue, String body, Map<String, String> headers);
}
