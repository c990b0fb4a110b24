package io.financehub.platform.broker;

import io.financehub.support.HubClient;
import io.financehub.support.HubIntegrationBase;
import io.financehub.support.PrometheusScrape;
import io.financehub.support.StandaloneArtemis;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** With {@code HUB_BROKER_URL} set, the hub runs no broker of its own and uses the external one, with its login. */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ExternalBrokerIT extends HubIntegrationBase {

    private static StandaloneArtemis broker;

    @Autowired
    ApplicationContext context;

    @Autowired
    ConnectionFactory connectionFactory;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void externalBroker(DynamicPropertyRegistry registry) {
        broker = StandaloneArtemis.start();
        registry.add("hub.broker.url", broker::url);
        registry.add("hub.broker.user", () -> StandaloneArtemis.USER);
        registry.add("hub.broker.password", () -> StandaloneArtemis.PASSWORD);
        registry.add("hub.metrics.sample-period", () -> "250ms");
    }

    @Test
    void theHubUsesThePooledExternalBrokerAndStartsNoneOfItsOwn() {
        assertThat(context.getBeansOfType(EmbeddedActiveMQ.class)).isEmpty();
        assertThat(connectionFactory).isInstanceOf(JmsPoolConnectionFactory.class);
    }

    @Test
    void invoicesFlowThroughTheExternalBroker() throws Exception {
        String httpId = "INV-EXT-" + UUID.randomUUID().toString().substring(0, 8);
        String jmsId = "INV-EXT-" + UUID.randomUUID().toString().substring(0, 8);

        assertThat(hub().postInvoice(HubClient.invoiceJson(httpId, "USD", 700, null)).statusCode()).isEqualTo(202);
        try (Connection connection = new ActiveMQConnectionFactory(broker.url())
                .createConnection(StandaloneArtemis.USER, StandaloneArtemis.PASSWORD)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("hub.invoice.commands"));
            TextMessage command = session.createTextMessage(HubClient.invoiceJson(jmsId, "JPY", 700, null));
            command.setStringProperty("command", "IssueInvoice");
            producer.send(command);
        }

        for (String id : new String[] {httpId, jmsId}) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForList(
                    "SELECT status FROM idempotency_keys WHERE invoice_id = ? ORDER BY idempotency_key", String.class, id))
                    .containsExactly("succeeded", "succeeded"));
        }
    }

    @Test
    void theExternalBrokerRefusesClientsWithoutItsLogin() {
        assertThatThrownBy(() -> new ActiveMQConnectionFactory(broker.url()).createConnection().close())
                .isInstanceOf(JMSSecurityException.class);
    }

    /** Through the broker's management address, with the hub's own broker login (Artemis' default role has manage). */
    @Test
    void queueDepthAndConsumersAreReadFromTheExternalBroker() throws Exception {
        try (Connection connection = new ActiveMQConnectionFactory(broker.url())
                .createConnection(StandaloneArtemis.USER, StandaloneArtemis.PASSWORD)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(
                    QueueNames.INVOICE_COMMANDS_REJECTED));
            producer.send(session.createTextMessage("{\"rejected\":true}"));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            PrometheusScrape scrape = PrometheusScrape.of(hub());
            assertThat(scrape.value("hub_broker_queue_messages", "queue", QueueNames.INVOICE_COMMANDS_REJECTED))
                    .isGreaterThanOrEqualTo(1);
            assertThat(scrape.value("hub_broker_queue_consumers", "queue", QueueNames.sideEffects("payments")))
                    .as("the hub's payment workers").isGreaterThanOrEqualTo(1);
            assertThat(scrape.value("hub_broker_queue_consumers", "queue", QueueNames.INVOICE_COMMANDS_REJECTED))
                    .isZero();
        });
    }
}
