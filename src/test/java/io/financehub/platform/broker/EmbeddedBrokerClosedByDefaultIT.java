package io.financehub.platform.broker;

import io.financehub.support.HubIntegrationBase;
import io.financehub.support.JmsTestClient;
import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With no {@code HUB_BROKER_USER}/{@code _PASSWORD} set, the embedded broker's TCP acceptor is still closed: it
 * wants the generated credentials the hub logs at start, never nothing.
 */
class EmbeddedBrokerClosedByDefaultIT extends HubIntegrationBase {

    @Value("${hub.broker.embedded-port}")
    int brokerPort;

    @Autowired
    EmbeddedBrokerCredentials generated;

    @Test
    void aClientWithoutCredentialsCannotSendAnInvoiceCommand() {
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl())) {
            assertThatThrownBy(() -> {
                try (Connection c = factory.createConnection()) {
                    c.start();
                }
            }).isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> {
                try (Connection c = factory.createConnection(generated.user(), "")) {
                    c.start();
                }
            }).isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void theGeneratedCredentialsAreLongAndLetAClientIn() {
        assertThat(generated.password()).hasSizeGreaterThanOrEqualTo(32);
        String run = UUID.randomUUID().toString();
        try (JmsTestClient client = new JmsTestClient(brokerUrl(), generated.user(), generated.password())) {
            client.send("hub.invoice.commands.rejected", "closed broker check", Map.of("testRun", run));
            assertThat(client.receive("hub.invoice.commands.rejected", "testRun = '" + run + "'", 1, 5000))
                    .singleElement().satisfies(m -> assertThat(m.getText()).isEqualTo("closed broker check"));
        }
    }

    private String brokerUrl() {
        return "tcp://127.0.0.1:" + brokerPort;
    }
}
