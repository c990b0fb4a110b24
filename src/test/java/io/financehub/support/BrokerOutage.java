package io.financehub.support;

import jakarta.jms.JMSException;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.DefaultInterceptSendToEndpoint;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Test-only fault: while {@link #begin()} is in force every JMS send the hub makes fails as it does when the broker
 * is unreachable, so the caller sees the same {@code CamelExecutionException} as in a real outage. Consumers are not
 * touched: what is on a queue stays there.
 */
@TestConfiguration(proxyBeanMethods = false)
public class BrokerOutage {

    private static final AtomicBoolean DOWN = new AtomicBoolean();

    public static void begin() {
        DOWN.set(true);
    }

    public static void end() {
        DOWN.set(false);
    }

    @Bean
    CamelContextConfiguration brokerOutageInterceptor() {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                // every JMS endpoint, also those ProducerTemplates resolve later, is wrapped once
                camel.getCamelContextExtension().registerEndpointCallback((uri, endpoint) -> {
                    if (!uri.startsWith("jms:") || endpoint instanceof DefaultInterceptSendToEndpoint) {
                        return endpoint;
                    }
                    DefaultInterceptSendToEndpoint intercepted = new DefaultInterceptSendToEndpoint(endpoint, false);
                    intercepted.setBefore(exchange -> {
                        if (DOWN.get()) {
                            throw new JMSException("AMQ219010: Connection is destroyed (injected outage)");
                        }
                    });
                    return intercepted;
                });
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
            }
        };
    }
}
