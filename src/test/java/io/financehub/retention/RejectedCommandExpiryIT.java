package io.financehub.retention;

import io.financehub.platform.broker.QueueNames;
import io.financehub.support.HubIntegrationBase;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * {@code hub.invoice.commands.rejected} has no consumer, so it must not grow for ever: each message the hub rejects
 * carries an expiry ({@code HUB_RETENTION_REJECTED_COMMANDS}, 14 days by default) and stays explained by its
 * {@code inbound_commands} row; when the expiry passes, the broker drops it rather than moving it to
 * {@code hub.dead-letters}, where it would return as a dead letter.
 */
class RejectedCommandExpiryIT extends HubIntegrationBase {

    @Autowired
    ConnectionFactory connections;

    @Autowired
    EmbeddedActiveMQ broker;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RetentionProperties retention;

    @Test
    void aRejectedCommandCarriesItsExpiryAndItsRejectionIsRecorded() throws Exception {
        String run = UUID.randomUUID().toString();
        String body = "{\"invoiceId\": \"INV-EXP-" + run + "\", ";
        try (Connection connection = connections.createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TextMessage command = session.createTextMessage(body);
            command.setStringProperty("command", "IssueInvoice");
            command.setStringProperty("testRun", run);
            long sentAt = System.currentTimeMillis();
            session.createProducer(session.createQueue(QueueNames.INVOICE_COMMANDS)).send(command);

            MessageConsumer consumer = session.createConsumer(session.createQueue(
                    QueueNames.INVOICE_COMMANDS_REJECTED), "testRun = '" + run + "'");
            Message rejected = consumer.receive(20_000);

            assertThat(rejected).as("the rejected command").isNotNull();
            assertThat(rejected.getStringProperty("rejectReason")).startsWith("malformed_payload");
            assertThat(retention.rejectedCommands()).isEqualTo(Duration.ofDays(14));
            assertThat(rejected.getJMSExpiration()).as("expires 14 days after the rejection")
                    .isCloseTo(sentAt + Duration.ofDays(14).toMillis(), within(Duration.ofMinutes(1).toMillis()));
        }
        assertThat(jdbc.queryForList("SELECT outcome || ':' || detail FROM inbound_commands WHERE detail LIKE "
                + "'malformed_payload%' AND channel = 'jms'", String.class)).isNotEmpty();
    }

    @Test
    void anExpiredRejectedCommandIsDroppedNotDeadLettered() throws Exception {
        Queue rejected = broker.getActiveMQServer().locateQueue(SimpleString.of(QueueNames.INVOICE_COMMANDS_REJECTED));
        assertThat(broker.getActiveMQServer().getAddressSettingsRepository()
                .getMatch(QueueNames.INVOICE_COMMANDS_REJECTED).getExpiryAddress().toString()).as("no expiry address")
                .isEmpty();
        assertThat(broker.getActiveMQServer().getAddressSettingsRepository()
                .getMatch(QueueNames.INVOICE_COMMANDS).getExpiryAddress().toString())
                .as("every other queue keeps its expiry address").isEqualTo(QueueNames.DEAD_LETTERS);
        long expiredBefore = rejected.getMessagesExpired();
        String body = "expiring rejected command " + UUID.randomUUID();
        try (Connection connection = connections.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(
                    QueueNames.INVOICE_COMMANDS_REJECTED));
            producer.setTimeToLive(1);
            producer.send(session.createTextMessage(body));
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            rejected.expireReferences();
            assertThat(rejected.getMessagesExpired()).isGreaterThan(expiredBefore);
        });
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                jdbc.queryForObject("SELECT COUNT(*) FROM dead_letters WHERE body = ?", Integer.class, body))
                .as("not moved to hub.dead-letters").isZero());
    }
}
