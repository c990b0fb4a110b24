package io.financehub.platform.broker;

import org.apache.camel.spi.PropertiesFunction;

import java.util.TreeSet;

/**
 * The {@code {{queue:<key>}}} placeholder of the YAML routes ({@code jms:queue:{{queue:invoice-commands}}}), so the
 * routes take their addresses from {@link QueueNames}. An unknown key fails the route's start. Camel finds it by its
 * name through {@code META-INF/services/org/apache/camel/properties-function/queue}, in every Camel context.
 */
public class QueueAddressFunction implements PropertiesFunction {

    @Override
    public String getName() {
        return "queue";
    }

    @Override
    public String apply(String key) {
        String address = QueueNames.byKey().get(key);
        if (address == null) {
            throw new IllegalArgumentException("no queue {{queue:" + key + "}}; the queues are "
                    + new TreeSet<>(QueueNames.byKey().keySet()));
        }
        return address;
    }
}
