package io.financehub.platform.broker;

import io.financehub.platform.metrics.MetricsProperties;
import io.financehub.platform.metrics.PeriodicSample;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import java.time.Duration;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Artemis: the embedded broker and its security. Camel reaches Artemis through camel-jms on Spring Boot's pooled Artemis
 * connection factory ({@code spring.artemis.pool.enabled}); camel-activemq is deliberately not used, because it
 * brings ActiveMQ Classic's auto-configuration, which then replaces Artemis.
 */
@Configuration
public class BrokerConfiguration {

    /** Redelivery before the broker dead-letters a message that keeps failing. */
    public static final int MAX_DELIVERY_ATTEMPTS = 6;

    /**
     * The embedded broker: a TCP acceptor for outside JMS clients, the hub's queues ({@link QueueNames}, durable and
     * anycast, there before any client connects), the multicast events address {@code hub.events}, and an explicit dead-letter and expiry address (Artemis' default
     * drops a message after its last delivery attempt when none is configured), except on
     * {@code hub.invoice.commands.rejected}, whose expired messages are dropped.
     */
    @Bean
    ArtemisConfigurationCustomizer embeddedBrokerCustomizer(BrokerProperties broker) {
        return configuration -> {
            try {
                configuration.addAcceptorConfiguration("hub-tcp", "tcp://" + broker.embeddedHost() + ":"
                        + broker.embeddedPort() + "");
            } catch (Exception e) {
                throw new IllegalStateException("bad embedded broker acceptor", e);
            }
            QueueNames.all().forEach(queue -> configuration.addAddressConfiguration(new CoreAddressConfiguration()
                    .setName(queue)
                    .addRoutingType(RoutingType.ANYCAST)
                    .addQueueConfiguration(QueueConfiguration.of(queue).setAddress(queue)
                            .setRoutingType(RoutingType.ANYCAST))));
            // the domain events: multicast, no queue of the hub's own; each flow's durable shared subscription
            // creates its queue when it first subscribes, and the broker keeps it (and its messages) while the
            // flow is down
            QueueNames.multicast().forEach(topic -> configuration.addAddressConfiguration(
                    new CoreAddressConfiguration().setName(topic).addRoutingType(RoutingType.MULTICAST)));
            configuration.addAddressSetting("#", new AddressSettings()
                    .setDeadLetterAddress(SimpleString.of(QueueNames.DEAD_LETTERS))
                    .setExpiryAddress(SimpleString.of(QueueNames.DEAD_LETTERS))
                    .setMaxDeliveryAttempts(MAX_DELIVERY_ATTEMPTS)
                    .setRedeliveryDelay(broker.redeliveryDelay().toMillis())
                    .setRedeliveryMultiplier(2.0)
                    .setMaxRedeliveryDelay(broker.maxRedeliveryDelay().toMillis()));
            // the dead-letter queue itself never dead-letters: its recorder retries until the database is back
            configuration.addAddressSetting(QueueNames.DEAD_LETTERS, new AddressSettings()
                    .setMaxDeliveryAttempts(-1)
                    .setRedeliveryDelay(5000)
                    .setRedeliveryMultiplier(2.0)
                    .setMaxRedeliveryDelay(60_000));
            // rejected commands carry an expiry (HUB_RETENTION_REJECTED_COMMANDS) and have no consumer: an expired
            // one is dropped (an empty expiry address), not moved to hub.dead-letters, where it would come back as a
            // dead_letters row; its rejection stays recorded in inbound_commands
            configuration.addAddressSetting(QueueNames.INVOICE_COMMANDS_REJECTED, new AddressSettings()
                    .setExpiryAddress(SimpleString.of("")));
            // always on: in a container the acceptor binds every interface (see EmbeddedBrokerCredentials)
            configuration.setSecurityEnabled(true);
            // Artemis caches a login by user and password only, not by connection: the hub's own in-VM login (no
            // credentials) would otherwise let a TCP client without credentials in as well
            configuration.setAuthenticationCacheSize(0);
        };
    }

    /**
     * Every JMS send through Camel resolves its queue by name, and Artemis' {@code Session.createQueue} asks the broker
     * about the queue each time: a synchronous round trip per message. The pooled sessions are reused, so letting each
     * one remember the queues it resolved leaves one query per queue and session.
     */
    @Bean
    static BeanPostProcessor cachedBrokerDestinations() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof JmsPoolConnectionFactory pool
                        && pool.getConnectionFactory() instanceof ActiveMQConnectionFactory artemis) {
                    artemis.setCacheDestinations(true);
                }
                return bean;
            }
        };
    }

    /**
     * Queue depth and consumers of every hub queue, read from the broker (embedded or external) every sample
     * period.
     */
    @Bean
    PeriodicSample brokerQueueSample(ConnectionFactory connections, MeterRegistry registry,
                                     MetricsProperties metrics) {
        BrokerQueueGauges gauges = new BrokerQueueGauges(new ArtemisQueueStatistics(connections,
                Duration.ofSeconds(5)), registry);
        return new PeriodicSample("broker queues", metrics.samplePeriod(), gauges::sample);
    }

    /** Only created with the embedded broker: an external one has credentials of its own. */
    @Bean
    EmbeddedBrokerCredentials embeddedBrokerCredentials(BrokerProperties broker) {
        return EmbeddedBrokerCredentials.of(broker);
    }

    /**
     * The embedded broker's TCP acceptor requires {@link EmbeddedBrokerCredentials}; the hub's own in-VM connection
     * stays trusted.
     */
    @Bean
    static BeanPostProcessor embeddedBrokerSecurity(ObjectProvider<EmbeddedBrokerCredentials> credentials) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof EmbeddedActiveMQ embedded) {
                    EmbeddedBrokerCredentials login = credentials.getObject();
                    embedded.setSecurityManager(new EmbeddedBrokerSecurityManager(login.user(), login.password()));
                }
                return bean;
            }
        };
    }
}
