package io.financehub.support;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * A flow's view of {@code hub.events}: a durable shared subscription on the embedded broker's TCP acceptor, as
 * camel-jms opens one ({@code subscriptionDurable=true&subscriptionShared=true&subscriptionName=...}). The
 * subscription outlives {@link #disconnect}: what is published meanwhile waits for {@link #connect}.
 */
public final class EventSubscriber implements AutoCloseable {

    public static final String TOPIC = "hub.events";

    private final ActiveMQConnectionFactory factory;
    private final String subscription;
    private final String selector;
    private Connection connection;
    private Session session;
    private MessageConsumer consumer;

    public EventSubscriber(String brokerUrl, String user, String password, String subscription, String selector) {
        this.factory = new ActiveMQConnectionFactory(brokerUrl);
        factory.setUser(user);
        factory.setPassword(password);
        this.subscription = subscription;
        this.selector = selector;
        connect();
    }

    /** Opens the subscription, creating it the first time. */
    public void connect() {
        try {
            connection = factory.createConnection();
            session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Topic topic = session.createTopic(TOPIC);
            consumer = session.createSharedDurableConsumer(topic, subscription, selector);
            connection.start();
        } catch (JMSException e) {
            throw new IllegalStateException("cannot subscribe " + subscription + " to " + TOPIC, e);
        }
    }

    /** Closes the connection; the broker keeps the subscription and what arrives for it. */
    public void disconnect() {
        try {
            connection.close();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Receives messages until none arrives for {@code quietMillis}, or {@code atMostMillis} have passed. */
    public List<TextMessage> receiveUntilQuiet(long quietMillis, long atMostMillis) {
        List<TextMessage> received = new ArrayList<>();
        long deadline = System.currentTimeMillis() + atMostMillis;
        try {
            while (System.currentTimeMillis() < deadline) {
                Message message = consumer.receive(quietMillis);
                if (message == null) {
                    break;
                }
                received.add((TextMessage) message);
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot receive from " + subscription, e);
        }
        return received;
    }

    /** Receives until {@code count} messages arrived or {@code atMostMillis} passed. */
    public List<TextMessage> receive(int count, long atMostMillis) {
        List<TextMessage> received = new ArrayList<>();
        long deadline = System.currentTimeMillis() + atMostMillis;
        try {
            long left;
            while (received.size() < count && (left = deadline - System.currentTimeMillis()) > 0) {
                Message message = consumer.receive(left);
                if (message != null) {
                    received.add((TextMessage) message);
                }
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot receive from " + subscription, e);
        }
        return received;
    }

    /** Sends a message to the topic as a publisher would (the crash tests' stand-in for a replica that died). */
    public void publish(String body, java.util.Map<String, String> properties) {
        try {
            TextMessage message = session.createTextMessage(body);
            for (var p : properties.entrySet()) {
                message.setStringProperty(p.getKey(), p.getValue());
            }
            session.createProducer(session.createTopic(TOPIC)).send(message);
        } catch (JMSException e) {
            throw new IllegalStateException("cannot publish to " + TOPIC, e);
        }
    }

    /** Closes the consumer and removes the subscription with everything it still holds. */
    @Override
    public void close() {
        try {
            consumer.close();
            session.unsubscribe(subscription);
            connection.close();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        } finally {
            factory.close();
        }
    }
}
