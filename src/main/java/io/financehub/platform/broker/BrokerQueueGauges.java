package io.financehub.platform.broker;

import io.financehub.platform.broker.ArtemisQueueStatistics.QueueStatistics;
import io.financehub.platform.metrics.SampledGauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code hub.broker.queue.messages} and {@code hub.broker.queue.consumers} (tag {@code queue}) for every queue of
 * {@link QueueNames#all()}, read from the broker each sample.
 */
public class BrokerQueueGauges {

    private final ArtemisQueueStatistics broker;
    private final SampledGauge messages;
    private final SampledGauge consumers;

    public BrokerQueueGauges(ArtemisQueueStatistics broker, MeterRegistry registry) {
        this.broker = broker;
        List<List<String>> queues = QueueNames.all().stream().map(List::of).toList();
        messages = SampledGauge.register(registry, "hub.broker.queue.messages", "Messages on the broker queue",
                null, List.of("queue"), queues);
        consumers = SampledGauge.register(registry, "hub.broker.queue.consumers", "Consumers of the broker queue, "
                + "from every replica", null, List.of("queue"), queues);
    }

    public void sample() {
        Map<List<String>, Long> depth = new HashMap<>();
        Map<List<String>, Long> attached = new HashMap<>();
        broker.read(QueueNames.all()).forEach((queue, statistics) -> {
            depth.put(List.of(queue), statistics.messages());
            attached.put(List.of(queue), statistics.consumers());
        });
        messages.update(depth);
        consumers.update(attached);
    }

    /** The last sample's values, for tests. */
    QueueStatistics last(String queue) {
        return new QueueStatistics((long) messages.value(queue), (long) consumers.value(queue));
    }
}
