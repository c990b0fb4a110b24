package io.financehub.platform.broker;

import io.financehub.platform.security.HubCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the embedded broker's TCP acceptor requires of outside JMS clients: {@code HUB_BROKER_USER} (default
 * {@code hub-client}) and {@code HUB_BROKER_PASSWORD}, generated and logged once per start when unset, so the
 * acceptor is never open, even bound to every interface in a container.
 */
public record EmbeddedBrokerCredentials(String user, String password) {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBrokerCredentials.class);
    static final String DEFAULT_USER = "hub-client";

    static EmbeddedBrokerCredentials of(BrokerProperties broker) {
        String user = broker.userSet() ? broker.user() : DEFAULT_USER;
        if (broker.password() != null && !broker.password().isBlank()) {
            return new EmbeddedBrokerCredentials(user, broker.password());
        }
        String password = HubCredentials.generate();
        LOG.warn("HUB_BROKER_PASSWORD is not set; generated password for embedded broker user '{}': {}", user,
                password);
        return new EmbeddedBrokerCredentials(user, password);
    }

    @Override
    public String toString() {
        return "EmbeddedBrokerCredentials[user=" + user + ", password=<set>]";
    }
}
