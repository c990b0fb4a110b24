package io.financehub.sideeffect.adapter;

import io.financehub.sideeffect.application.DeadLetterAdministration;
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
    /** Set by Artemis on a message it moved because it expired, rather than because every delivery failed. */
    static final String ACTUAL_EXPIRY = "_AMQ_ACTUAL_EXPIRY";

    private final DeadLetterAdministration deadLetters;
    private final int maxDeliveryAttempts;

    /**
     * @param maxDeliveryAttempts the broker's {@code max-delivery-attempts}: a dead-lettered copy starts its own
     *                            delivery count afresh, so the original attempts are known only from this setting
     */
    public BrokerDeadLetterListener(DeadLetterAdministration deadLetters, int maxDeliveryAttempts) {
        this.deadLetters = deadLetters;
        this.maxDeliveryAttempts = maxDeliveryAttempts;
    }

    public void record(Exchange exchange) {
        Message in = exchange.getMessage();
        Map<String, String> headers = new TreeMap<>();
        in.getHeaders().forEach((name, value) -> {
            if (value != null && !name.startsWith("JMS") && !name.startsWith("_AMQ") && !name.startsWith("Camel")) {
                headers.put(name, value.toString());
            }
        });
        String queue = originalQueue(in.getHeader(ORIGINAL_ADDRESS, String.class), in.getHeader(ORIGINAL_QUEUE, String.class));
        boolean expired = in.getHeader(ACTUAL_EXPIRY) != null;
        deadLetters.recordFromBroker(queue == null ? "unknown" : queue,
                expired ? "the message expired before it was consumed"
                        : "the broker gave up after " + maxDeliveryAttempts + " failed delivery attempts",
                in.getHeader("JMSMessageID", String.class), in.getBody(String.class), headers,
                expired ? 0 : maxDeliveryAttempts);
    }

    /**
     * Where a retry must go. On an anycast address the queue is the address; on a multicast one (a flow's durable
     * subscription to the event topic) it is the fully qualified {@code address::queue}, so the retry reaches that
     * subscription alone instead of every flow on the topic.
     */
    private static String originalQueue(String address, String queue) {
        if (queue == null) {
            return address;
        }
        return address == null || address.equals(queue) ? queue : address + "::" + queue;
    }
}
