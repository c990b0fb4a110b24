package io.financehub.webhook.application;

/**
 * The webhook relay, run on a timer by every replica: the outbox half of durable acknowledgement, and the retry of
 * events that arrived before the invoice or message they are about.
 */
public interface RelayWebhookEventsUseCase {

    /**
     * Puts events that are stored but still {@code received} long after their last hand-off back on their queue
     * (the hub stopped between commit and send, or the send failed). Each event is sent by one replica only.
     *
     * @return how many events were queued
     */
    int relayUnqueued();

    /**
     * Queues {@code unmatched} events whose invoice (Stripe) or message (Twilio) is now known again, as new
     * deliveries: back in {@code received}, they are retried and dead-lettered like any other delivery when
     * processing fails.
     *
     * @return how many events were queued again
     */
    int reprocessMatchable();
}
