package io.financehub.support;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A real JMS client on the embedded broker's TCP acceptor, as the invoicing application would connect. One
 * connection; every call opens its own session, so the client may be used from many threads at once.
 */
public final class JmsTestClient implements AutoCloseable {

    /** How long {@link #receive} keeps listening once it has what it expected. */
    static final long SURPLUS_WAIT_MILLIS = 500;

    private final ActiveMQConnectionFactory factory;
    private final Connection connection;

    public JmsTestClient(String brokerUrl, String user, String password) {
        this.factory = new ActiveMQConnectionFactory(brokerUrl);
        try {
            this.connection = factory.createConnection(user, password);
            connection.start();
        } catch (JMSException e) {
            factory.close();
            throw new IllegalStateException("cannot connect to " + brokerUrl, e);
        }
    }

    public void send(String queue, String body, Map<String, String> properties) {
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            TextMessage message = session.createTextMessage(body);
            for (Map.Entry<String, String> p : properties.entrySet()) {
                message.setStringProperty(p.getKey(), p.getValue());
            }
            session.createProducer(session.createQueue(queue)).send(message);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot send to " + queue, e);
        }
    }

    /** Publishes to a topic (a multicast address): every subscription gets its own copy. */
    public void publish(String topic, String body, Map<String, String> properties) {
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            TextMessage message = session.createTextMessage(body);
            for (Map.Entry<String, String> p : properties.entrySet()) {
                message.setStringProperty(p.getKey(), p.getValue());
            }
            session.createProducer(session.createTopic(topic)).send(message);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    /**
     * Receives (and so removes) the messages matching the selector: waits up to {@code waitMillis} for
     * {@code expected} of them, then {@link #SURPLUS_WAIT_MILLIS} more for any beyond, so that a test asserting
     * exactly {@code expected} also sees one too many.
     */
    public List<TextMessage> receive(String queue, String selector, int expected, long waitMillis) {
        List<TextMessage> received = new ArrayList<>();
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             MessageConsumer consumer = session.createConsumer(session.createQueue(queue), selector)) {
            long deadline = System.currentTimeMillis() + waitMillis;
            long left;
            while (received.size() < expected && (left = deadline - System.currentTimeMillis()) > 0) {
                Message message = consumer.receive(left);
                if (message == null) {
                    break;
                }
                received.add((TextMessage) message);
            }
            Message surplus;
            while ((surplus = consumer.receive(SURPLUS_WAIT_MILLIS)) != null) {
                received.add((TextMessage) surplus);
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot receive from " + queue, e);
        }
        return received;
    }

    /** Counts the messages matching the selector that are waiting on the queue, without taking them. */
    public int count(String queue, String selector) {
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
             QueueBrowser browser = session.createBrowser(session.createQueue(queue), selector)) {
            return Collections.list(browser.getEnumeration()).size();
        } catch (JMSException e) {
            throw new IllegalStateException("cannot browse " + queue, e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        } finally {
            factory.close();
        }
    }
}
