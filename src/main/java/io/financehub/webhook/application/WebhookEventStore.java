package io.financehub.webhook.application;

import io.financehub.webhook.domain.WebhookEventSource;
import io.financehub.webhook.domain.WebhookEventStatus;
import io.financehub.webhook.domain.WebhookProvider;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code webhook_events} table: every verified webhook, once per (provider, event id), with its raw payload
 * for replay. The unique constraint on (provider, event id) is what deduplicates, across concurrent deliveries and
 * replicas.
 */
public interface WebhookEventStore {

    /**
     * Stores and commits a new event in status {@code received}, marked as handed to its queue now (by the
     * database's clock, as every age the relay compares).
     *
     * @return false (changing nothing) when the event was already stored
     */
    boolean insertIfAbsent(NewWebhookEvent event);

    /** Counts one more delivery of an already stored event. */
    void countDuplicate(WebhookProvider provider, String eventId);

    Optional<StoredWebhookEvent> find(WebhookProvider provider, String eventId);

    /** Counts one processing run of the event. */
    void countAttempt(WebhookProvider provider, String eventId);

    /**
     * Records how processing ended: the status, the invoice it concerned (when known), the error (null on success)
     * and when it completed ({@code processedAt} null keeps the previous value: a failure completes nothing).
     * Only while the event is in one of {@link WebhookEventStatus#predecessors() status.predecessors()}: a copy
     * that finishes after another one moved the event further records nothing.
     *
     * @return false when the event had moved past {@code status} and was left as it was
     */
    boolean recordOutcome(WebhookProvider provider, String eventId, WebhookEventStatus status, String invoiceId,
                       String error, Instant processedAt);

    /**
     * Events still {@code received} whose last hand-off to their queue is more than {@code dispatchedMoreThan} ago
     * (by the database's clock, which every replica shares, so a replica whose own clock runs ahead does not re-send
     * what was just sent).
     */
    List<EventRef> findUnqueued(Duration dispatchedMoreThan, int limit);

    /**
     * {@code unmatched} events whose invoice (by id or Stripe PaymentIntent) or SMS message now exists and that
     * were not re-run within {@code dispatchedMoreThan} (database time).
     */
    List<EventRef> findMatchableUnmatched(Duration dispatchedMoreThan, int limit);

    /**
     * Marks the event as handed on now, only if nobody did so within {@code notWithin} (database time): the replica
     * whose update wins is the one that sends it.
     */
    boolean markDispatched(WebhookProvider provider, String eventId, Duration notWithin);

    /**
     * Puts an {@code unmatched} event back to {@code received}, handed on now, for its queue to run it again as a
     * new delivery, and forgets that its earlier run completed (the processing route's duplicate filter would skip
     * the new message otherwise). Only if it is still unmatched and nobody handed it on within {@code notWithin}
     * (database time), so one replica does it. Call inside a transaction: both changes or neither.
     *
     * @return false when another replica requeued it or it moved on
     */
    boolean requeueUnmatched(WebhookProvider provider, String eventId, Duration notWithin);

    /** Newest first; see {@link io.financehub.webhook.application.WebhookEventAdministration#list}. */
    List<WebhookEventSummary> list(WebhookProvider provider, WebhookEventStatus status, Long beforeId, int limit);

    /**
     * A verified (or recovered) event to store. {@code payloadHash} is the hex SHA-256 of the raw body.
     */
    record NewWebhookEvent(WebhookProvider provider, WebhookEnvelope envelope, String payloadHash, String payload,
                           Instant receivedAt, WebhookEventSource source) {

        /** An event delivered as a webhook. */
        public NewWebhookEvent(WebhookProvider provider, WebhookEnvelope envelope, String payloadHash, String payload,
                               Instant receivedAt) {
            this(provider, envelope, payloadHash, payload, receivedAt, WebhookEventSource.WEBHOOK);
        }
    }

    /** A stored event with what processing needs. */
    record StoredWebhookEvent(WebhookProvider provider, String eventId, String type, String payload, String invoiceId,
                              WebhookEventStatus status) {
    }

    /** Identifies a stored event. */
    record EventRef(WebhookProvider provider, String eventId) {
    }
}
