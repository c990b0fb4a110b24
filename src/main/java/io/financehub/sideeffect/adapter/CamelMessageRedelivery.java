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
            producer.sendBodyAndHeaders(endpoint(queue), body, new HashMap<>(headers));
        } catch (RuntimeException e) {
            // a JMS send is synchronous: when it fails, the broker does not have the message
            throw new DeliveryFailedException("the broker did not take the message for " + queue + " ("
                    + innermost(e) + ")", e);
        }
    }

    /**
     * A plain queue is sent to as a JMS queue. A flow's subscription on the event topic is named fully qualified
     * ({@code hub.events::crm-payment-sync}) and must be sent to as a topic: Artemis routes a JMS queue send as anycast,
     * which a multicast address refuses; sent as a topic to the qualified name, the message reaches that one
     * subscription.
     */
    static String endpoint(String queue) {
        return (queue.contains("::") ? "jms:topic:" : "jms:queue:") + queue;
    }

    private static String innermost(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
