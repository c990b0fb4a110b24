package io.financehub.platform.broker;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The message broker.
 *
 * @param url          external Artemis ({@code HUB_BROKER_URL}); empty runs the embedded broker
 * @param user         user for the external broker, or what the embedded broker's TCP acceptor requires (default {@code hub-client})
 * @param password     its password
 * @param embeddedHost host the embedded broker's TCP acceptor binds ({@code HUB_BROKER_EMBEDDED_HOST})
 * @param embeddedPort its port ({@code HUB_BROKER_EMBEDDED_PORT})
 */
@ConfigurationProperties(prefix = "hub.broker")
public record BrokerProperties(String url, String user, String password, String embeddedHost, int embeddedPort) {

    public BrokerProperties {
        embeddedHost = embeddedHost == null || embeddedHost.isBlank() ? "127.0.0.1" : embeddedHost;
        embeddedPort = embeddedPort <= 0 ? 61616 : embeddedPort;
    }

    public boolean embedded() {
        return url == null || url.isBlank();
    }

    public boolean userSet() {
        return user != null && !user.isBlank();
    }
}
