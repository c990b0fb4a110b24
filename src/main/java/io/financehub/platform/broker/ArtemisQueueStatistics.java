package io.financehub.platform.broker;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import org.apache.activemq.artemis.api.core.management.ResourceNames;
import org.apache.activemq.artemis.api.jms.management.JMSManagementHelper;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Asks Artemis for its queues' depth and consumers through the broker's management address
 * ({@code activemq.management}): a request message per attribute, the answer on a temporary queue. It goes over the
 * hub's own JMS connection, so it works the same with the embedded broker and with an external one, whose hub user
 * then needs the {@code manage} permission on {@code activemq.management} (Artemis' default role {@code amq} has it).
 */
public class ArtemisQueueStatistics {

    static final String MANAGEMENT_ADDRESS = "activemq.management";

    private final ConnectionFactory connections;
    private final Duration timeout;

    /** @param timeout how long to wait for each answer */
    public ArtemisQueueStatistics(ConnectionFactory connections, Duration timeout) {
        this.connections = connections;
        this.timeout = timeout;
    }

    /**
     * @return each queue's statistics, in the order given
     * @throws IllegalStateException when the broker cannot be reached, does not answer, or refuses a request
     *                               (no such queue, no {@code manage} permission)
     */
    public Map<String, QueueStatistics> read(Collection<String> queues) {
        try (Connection connection = connections.createConnection()) {
            connection.start();
            try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
                TemporaryQueue replies = session.createTemporaryQueue();
                Map<String, QueueStatistics> statistics = new LinkedHashMap<>();
                try (MessageProducer requests = session.createProducer(session.createQueue(MANAGEMENT_ADDRESS));
                     MessageConsumer answers = session.createConsumer(replies)) {
                    for (String queue : queues) {
                        statistics.put(queue, new QueueStatistics(
                                attribute(session, requests, answers, replies, queue, "messageCount"),
                                attribute(session, requests, answers, replies, queue, "consumerCount")));
                    }
                }
                replies.delete();
                return statistics;
            }
        } catch (JMSException e) {
            throw new IllegalStateException("the broker's queue statistics could not be read: " + e, e);
        }
    }

    private long attribute(Session session, MessageProducer requests, MessageConsumer answers, TemporaryQueue replies,
                           String queue, String attribute) throws JMSException {
        Message request = session.createMessage();
        JMSManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, attribute);
        request.setJMSReplyTo(replies);
        requests.send(request);
        Message answer = answers.receive(timeout.toMillis());
        if (answer == null) {
            throw new IllegalStateException("the broker did not answer for " + attribute + " of " + queue + " within "
                    + timeout);
        }
        Object result;
        try {
            result = JMSManagementHelper.getResult(answer);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable answer for " + attribute + " of " + queue, e);
        }
        if (!JMSManagementHelper.hasOperationSucceeded(answer) || !(result instanceof Number number)) {
            throw new IllegalStateException("the broker refused " + attribute + " of " + queue + ": " + result);
        }
        return number.longValue();
    }

    /**
     * @param messages  messages on the queue, delivered or not, scheduled ones included
     * @param consumers consumers attached to it, from every client (each hub replica has its own)
     */
    public record QueueStatistics(long messages, long consumers) {
    }
}
