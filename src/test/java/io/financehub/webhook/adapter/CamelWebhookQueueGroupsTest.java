package io.financehub.webhook.adapter;

import io.financehub.webhook.domain.WebhookProvider;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The processing routes run several consumers because the broker gives both copies of an event (the first send and
 * a relay re-send) to the same consumer: proved on a real Artemis with four competing consumers, where without the
 * message groups round-robin dispatch splits the copies between consumers.
 */
class CamelWebhookQueueGroupsTest {

    private static final int EVENTS = 24;
    private static final int CONSUMERS = 4;

    private record Delivery(int consumer, String eventId, String group) {
    }

    private EmbeddedActiveMQ broker;
    private CamelContext camel;
    private Connection connection;

    @BeforeAll
    static void quietBrokerAudit() {
        // the broker's audit log writes a line per message at INFO; this test reads the deliveries themselves
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.apache.activemq.audit"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
    }

    @BeforeEach
    void startBroker() throws Exception {
        broker = new EmbeddedActiveMQ().setConfiguration(new ConfigurationImpl().setPersistenceEnabled(false)
                .setSecurityEnabled(false).addAcceptorConfiguration("in-vm", "vm://7"));
        broker.start();
        ActiveMQConnectionFactory connections = new ActiveMQConnectionFactory("vm://7");
        camel = new DefaultCamelContext();
        camel.addComponent("jms", JmsComponent.jmsComponent(connections));
        camel.start();
        connection = connections.createConnection();
        connection.start();
    }

    @AfterEach
    void stop() throws Exception {
        connection.close();
        camel.stop();
        broker.stop();
    }

    @Test
    void bothCopiesOfAnEventReachTheSameConsumer() throws JMSException {
        String queueName = CamelWebhookQueue.queueName(WebhookProvider.STRIPE);
        Queue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < CONSUMERS; i++) {
            int consumer = i;
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            sessions.add(session);
            MessageConsumer listener = session.createConsumer(session.createQueue(queueName));
            listener.setMessageListener(message -> {
                try {
                    deliveries.add(new Delivery(consumer, message.getBody(String.class),
                            message.getStringProperty(CamelWebhookQueue.GROUP_HEADER)));
                } catch (JMSException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        CamelWebhookQueue queue = new CamelWebhookQueue(camel.createProducerTemplate());
        for (int copy = 0; copy < 2; copy++) {  // the second round is what the relay sends for events still waiting
            for (int e = 0; e < EVENTS; e++) {
                queue.enqueue(WebhookProvider.STRIPE, "evt_" + e);
            }
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries.size() == 2 * EVENTS);
        Map<String, List<Delivery>> byEvent = deliveries.stream().collect(Collectors.groupingBy(Delivery::eventId));
        assertThat(byEvent).hasSize(EVENTS);
        byEvent.forEach((eventId, copies) -> {
            assertThat(copies).as(eventId).hasSize(2);
            assertThat(copies.get(0).group()).as(eventId).isEqualTo(copies.get(1).group())
                    .isEqualTo(CamelWebhookQueue.processingGroup(WebhookProvider.STRIPE, eventId));
            assertThat(copies.get(0).consumer()).as("both copies of " + eventId + " on one consumer")
                    .isEqualTo(copies.get(1).consumer());
        });
        Set<Integer> busy = deliveries.stream().map(Delivery::consumer).collect(Collectors.toSet());
        assertThat(busy).as("the groups spread over the consumers").hasSizeGreaterThan(1);
        for (Session session : sessions) {
            session.close();
        }
    }

    @Test
    void groupsAreFewAndStable() {
        Set<String> groups = new java.util.HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String group = CamelWebhookQueue.processingGroup(WebhookProvider.TWILIO, "SM" + i);
            assertThat(group).isEqualTo(CamelWebhookQueue.processingGroup(WebhookProvider.TWILIO, "SM" + i));
            groups.add(group);
        }
        assertThat(groups).hasSize(CamelWebhookQueue.PROCESSING_GROUPS).allMatch(g -> g.startsWith("twilio-"));
    }
}
