package io.financehub.platform.broker;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The message broker.
 *
 * @param url          external Artemis ({@code HUB_BROKER_URL}); empty runs the embedded broker
 * @param user         user for the external broker, or what the embedded broker's TCP acceptor requires (default {@code hub-client})
 * @param password     its password
 * @param embeddedHost host the embedded broker's TCP acceptor binds ({@code HUB_BROKER_EMBEDDED_HOST})
 * @param embeddedPort its port ({@code HUB_BROKER_EMBEDDED_PORT})
 * @param redeliveryDelay    embedded broker: the wait before a message whose processing failed is delivered again,
 *                           doubled after each attempt ({@code HUB_BROKER_REDELIVERY_DELAY}, default 1 s)
 * @param maxRedeliveryDelay the cap of that wait ({@code HUB_BROKER_MAX_REDELIVERY_DELAY}, default 30 s)
 */
@ConfigurationProperties(prefix = "hub.broker")
public record BrokerProperties(String url, String user, String password, String embeddedHost, int embeddedPort,
                               Duration redeliveryDelay, Duration maxRedeliveryDelay) {

    public BrokerProperties {
        embeddedHost = embeddedHost == null || embeddedHost.isBlank() ? "127.0.0.1" : embeddedHost;
        embeddedPort = embeddedPort <= 0 ? 61616 : embeddedPort;
        redeliveryDelay = redeliveryDelay == null ? Duration.ofSeconds(1) : redeliveryDelay;
        maxRedeliveryDelay = maxRedeliveryDelay == null ? Duration.ofSeconds(30) : maxRedeliveryDelay;
        if (redeliveryDelay.isNegative() || maxRedeliveryDelay.compareTo(redeliveryDelay) < 0) {
            throw new IllegalArgumentException("HUB_BROKER_REDELIVERY_DELAY " + redeliveryDelay + " must be zero or "
                    + "more and at most HUB_BROKER_MAX_REDELIVERY_DELAY " + maxRedeliveryDelay);
        }
    }

    public boolean embedded() {
        return url == null || url.isBlank();
    }

    public boolean userSet() {
        return user != null && !user.isBlank();
    }
}
