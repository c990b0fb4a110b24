package io.financehub.webhook.application;

/**
 * Webhook ingestion: verify the delivery, store it once under (provider, event id), hand it to its processing
 * queue, and only then acknowledge. Processing happens later, from the queue.
 */
public interface ReceiveWebhookUseCase {

    /**
     * @return the receipt once the event is committed (and queued, or left for the relay to queue)
     * @throws WebhookRejectedException when the delivery is not authentic or not a readable event; nothing is stored
     */
    WebhookReceipt receive(WebhookDelivery delivery);
}
