package io.financehub.adapter.out.messaging;

import io.financehub.application.port.out.MessageRedelivery;
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
        producer.sendBodyAndHeaders("jms:queue:" + queue, body, new HashMap<>(headers));
    }
}
