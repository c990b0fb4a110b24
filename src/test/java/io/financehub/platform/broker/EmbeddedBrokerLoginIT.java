package io.financehub.platform.broker;

import io.financehub.support.JmsTestClient;
import io.financehub.support.LiveStripeIntegrationBase;
import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** With {@code HUB_BROKER_USER}/{@code _PASSWORD} set, the embedded broker's TCP acceptor wants exactly those. */
class EmbeddedBrokerLoginIT extends LiveStripeIntegrationBase {

    @Test
    void clientWithoutCredentialsIsRefused() {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl())) {
            assertThatThrownBy(() -> {
                try (Connection c = factory.createConnection()) {
                    c.start();
                }
            }).isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void clientWithWrongPasswordIsRefused() {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl())) {
            assertThatThrownBy(() -> {
                try (Connection c = factory.createConnection(BROKER_USER, "not-the-password")) {
                    c.start();
                }
            }).isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> {
                try (Connection c = factory.createConnection("someone-else", BROKER_PASSWORD)) {
                    c.start();
                }
            }).isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void clientWithCredentialsCanSendAndReceive() {
        String run = UUID.randomUUID().toString();
        try (JmsTestClient client = jms()) {
            client.send("hub.invoice.commands.rejected", "login check", Map.of("testRun", run));

            assertThat(client.receive("hub.invoice.commands.rejected", "testRun = '" + run + "'", 1, 5000))
                    .singleElement().satisfies(m -> assertThat(m.getText()).isEqualTo("login check"));
        }
    }
}
