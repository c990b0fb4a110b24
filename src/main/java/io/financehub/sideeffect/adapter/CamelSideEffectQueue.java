package io.financehub.sideeffect.adapter;

import io.financehub.platform.broker.QueueNames;
import io.financehub.sideeffect.application.SideEffectQueue;
import io.financehub.sideeffect.domain.SideEffectChannel;
import org.apache.camel.ProducerTemplate;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * {@link SideEffectQueue} on Artemis through Camel's JMS component. Delays use Artemis scheduled delivery, so a
 * back-off survives a restart of the hub (the message waits in the broker, not in a timer here).
 */
public class CamelSideEffectQueue implements SideEffectQueue {

    /** Artemis' scheduled-delivery message property (epoch millis). */
    static final String SCHEDULED_DELIVERY = "_AMQ_SCHED_DELIVERY";

    private final ProducerTemplate producer;

    public CamelSideEffectQueue(ProducerTemplate producer) {
        this.producer = producer;
    }

    @Override
    public void enqueue(SideEffectChannel channel, String idempotencyKey) {
        producer.sendBodyAndHeaders(endpoint(channel), idempotencyKey, Map.of("idempotencyKey", idempotencyKey));
    }

    @Override
    public void enqueueAfter(SideEffectChannel channel, String idempotencyKey, Duration delay) {
        producer.sendBodyAndHeaders(endpoint(channel), idempotencyKey, Map.of("idempotencyKey", idempotencyKey,
                SCHEDULED_DELIVERY, System.currentTimeMillis() + delay.toMillis()));
    }

    @Override
    public String address(SideEffectChannel channel) {
        return QueueNames.sideEffects(channel.name().toLowerCase(Locale.ROOT));
    }

    private String endpoint(SideEffectChannel channel) {
        return "jms:queue:" + address(channel);
    }
}
