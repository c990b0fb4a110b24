package io.financehub.adapter.in.jms;

import io.financehub.application.port.in.DeadLetterAdministration;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.util.Map;
import java.util.TreeMap;

/**
 * Consumes the broker's dead-letter queue (the {@code dead-letter-recorder} route): every message Artemis gave up
 * on becomes a {@code dead_letters} row an operator can see and retry, so nothing is dropped silently.
 */
public class BrokerDeadLetterListener {

    /** Artemis' properties naming where a dead-lettered message came from. */
    static final String ORIGINAL_QUEUE = "_AMQ_ORIG_QUEUE";
    static final String ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";

    private final DeadLetterAdministration deadLetters;

    public BrokerDeadLetterListener(DeadLetterAdministration deadLetters) {
        this.deadLetters = deadLetters;
    }

    public void record(Exchange exchange) {
        Message in = exchange.getMessage();
        Map<String, String> headers = new TreeMap<>();
        in.getHeaders().forEach((name, value) -> {
            if (value != null && !name.startsWith("JMS") && !name.startsWith("_AMQ") && !name.startsWith("Camel")) {
                headers.put(name, value.toString());
            }
        });
        String queue = in.getHeader(ORIGINAL_QUEUE, String.class);
        if (queue == null) {
            queue = in.getHeader(ORIGINAL_ADDRESS, String.class);
        }
        Integer deliveries = in.getHeader("JMSXDeliveryCount", Integer.class);
        deadLetters.recordFromBroker(queue == null ? "unknown" : queue,
                "the broker gave up after the last delivery attempt", in.getHeader("JMSMessageID", String.class),
                in.getBody(String.class), headers, deliveries == null ? 0 : deliveries);
    }
}
