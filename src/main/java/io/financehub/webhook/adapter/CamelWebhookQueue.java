package io.financehub.webhook.adapter;

import io.financehub.platform.broker.QueueNames;
import io.financehub.webhook.application.WebhookQueue;
import io.financehub.webhook.domain.WebhookProvider;
import org.apache.camel.ProducerTemplate;

import java.util.Map;

/**
 * {@link WebhookQueue} on Artemis through Camel's JMS component. The message carries only the event id: the
 * payload stays in {@code webhook_events}, where processing and replay read it. Sends are persistent and
 * synchronous, so a returned call means the broker has the message in its journal.
 */
public class CamelWebhookQueue implements WebhookQueue {

    /** Header naming the provider, for the audit and for operators browsing the queue. */
    static final String PROVIDER_HEADER = "webhookProvider";

    private final ProducerTemplate producer;

    public CamelWebhookQueue(ProducerTemplate producer) {
        this.producer = producer;
    }

    /** The queue a provider's events travel on; the YAML processing routes consume the same names. */
    public static String queueName(WebhookProvider provider) {
        return QueueNames.webhooks(provider.dbValue());
    }

    @Override
    public void enqueue(WebhookProvider provider, String eventId) {
        producer.sendBodyAndHeaders("jms:queue:" + queueName(provider), eventId,
                Map.of(PROVIDER_HEADER, provider.dbValue()));
    }
}
