package io.financehub.sideeffect.adapter;

import io.financehub.sideeffect.application.MessageRedelivery;
import org.apache.camel.ProducerTemplate;

import java.util.HashMap;
import java.util.Map;

/** {@link MessageRedelivery} through Camel's JMS component. */
public class CamelMessageRedelivery implements MessageRedelivery {

    private final ProducerTemplate producer;

    public CamelMessageRedelivery(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    public void redeliver(String queue, String body, Map<String, String> headers) {
        try {
            producer.sendBodyAndHeaders("jms:queue:" + queue, body, new HashMap<>(headers));
        } catch (RuntimeException e) {
            // a JMS send is synchronous: when it fails, the broker does not have the message
            throw new DeliveryFailedException("the broker did not take the message for " + queue + " ("
                    + innermost(e) + ")", e);
        }
    }

    private static String innermost(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
