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
 * <p>
 * Every message joins one of {@link #PROCESSING_GROUPS} JMS message groups ({@code JMSXGroupID}) chosen by its event
 * id. The broker hands a group to one consumer at a time, across replicas, so a relay re-send of an event still
 * waiting reaches the same consumer as the first copy and runs after it, never alongside it; that is what lets the
 * processing routes run several consumers. The group count is fixed and small because the broker keeps a table
 * entry per group: one group per event would grow it without bound.
 */
public class CamelWebhookQueue implements WebhookQueue {

    /** Header naming the provider, for the audit and for operators browsing the queue. */
    static final String PROVIDER_HEADER = "webhookProvider";
    /** The JMS message group property; Artemis maps it to its own group id. */
    static final String GROUP_HEADER = "JMSXGroupID";
    /** Message groups per provider: several per consumer of every replica, so groups spread evenly. */
    static final int PROCESSING_GROUPS = 32;

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
                Map.of(PROVIDER_HEADER, provider.dbValue(), GROUP_HEADER, processingGroup(provider, eventId)));
    }

    /** The same event id always gives the same group, on every replica and after a restart. */
    static String processingGroup(WebhookProvider provider, String eventId) {
        return provider.dbValue() + "-" + Math.floorMod(eventId.hashCode(), PROCESSING_GROUPS);
    }
}
