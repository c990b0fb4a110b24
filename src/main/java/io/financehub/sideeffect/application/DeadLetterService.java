package io.financehub.sideeffect.application;

import io.financehub.platform.web.NotFoundException;
import io.financehub.sideeffect.application.DeadLetterStore.DeadLetter;
import io.financehub.sideeffect.domain.IdempotencyKey;
import io.financehub.sideeffect.domain.SideEffect;
import io.financehub.sideeffect.domain.SideEffectChannel;
import io.financehub.sideeffect.domain.SideEffectStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@link DeadLetterAdministration} over the dead-letter store. A retry claims the row ({@code retrying}) before it
 * sends anything and marks it {@code retried} only after the message was handed on, so a double click sends once
 * and a broker outage leaves the dead letter open for the next try.
 */
public class DeadLetterService implements DeadLetterAdministration {

    static final String RETRIED = "retried";
    static final String ALREADY_RETRIED = "already-retried";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterService.class);

    private final DeadLetterStore store;
    private final SideEffectRepository sideEffects;
    private final SideEffectDispatch dispatch;
    private final MessageRedelivery redelivery;
    private final Map<SideEffectChannel, UnknownOutcomeRetry> unknownOutcomeRetries =
            new EnumMap<>(SideEffectChannel.class);
    private final Clock clock;
    private final Duration retryLease;

    /**
     * @param unknownOutcomeRetries the lookup-first retries of channels whose unknown side effects must not simply
     *                              be reopened (SMS)
     * @param retryLease            how long a retry claim is held before another retry may take it over (its holder
     *                              is presumed dead); far longer than one send, so a living retry is never doubled
     */
    public DeadLetterService(DeadLetterStore store, SideEffectRepository sideEffects, SideEffectDispatch dispatch,
                             MessageRedelivery redelivery, List<UnknownOutcomeRetry> unknownOutcomeRetries,
                             Clock clock, Duration retryLease) {
        this.store = store;
        this.sideEffects = sideEffects;
        this.dispatch = dispatch;
        this.redelivery = redelivery;
        for (UnknownOutcomeRetry retry : unknownOutcomeRetries) {
            if (this.unknownOutcomeRetries.put(retry.channel(), retry) != null) {
                throw new IllegalStateException("two unknown-outcome retries for " + retry.channel());
            }
        }
        this.clock = clock;
        this.retryLease = retryLease;
    }

    @Override
    public RetryResult retry(long id, String operator) {
        DeadLetter letter = find(id);
        if (!store.claimForRetry(id, retryLease)) {
            if ("retrying".equals(find(id).status())) {
                throw new RetryInProgressException(id);
            }
            return new RetryResult(ALREADY_RETRIED, null, "dead letter " + id + " was retried before; nothing was sent");
        }
        RetryResult result;
        try {
            result = letter.idempotencyKey() != null ? retrySideEffect(letter, operator) : redeliver(letter);
        } catch (RuntimeException e) {
            release(id, e);
            throw e;
        }
        store.markRetried(id, clock.instant());
        LOG.info("operator {} retried dead letter {}: {}", operator, id, result.outcome());
        return result;
    }

    @Override
    public void recordFromBroker(String queue, String reason, String messageId, String body,
                                 Map<String, String> headers, int attempts) {
        String key = headers.get("idempotencyKey");
        store.record(new DeadLetterStore.NewDeadLetter(queue, reason, messageId, key, body, headers, attempts,
                clock.instant()));
    }

    /** A plain message (a JMS command, a webhook event id) has no outbox: it is retried only if the broker takes it. */
    private RetryResult redeliver(DeadLetter letter) {
        try {
            redelivery.redeliver(letter.queue(), letter.body(), letter.headers());
        } catch (MessageRedelivery.DeliveryFailedException e) {
            throw new RetryUnavailableException(RetryUnavailableException.Cause.BROKER, "dead letter " + letter.id()
                    + " could not be put back on " + letter.queue() + ": " + e.getMessage() + "; it stays open, "
                    + "retry it once the broker is back", e);
        }
        return new RetryResult(RETRIED, "redelivered", "put back on " + letter.queue());
    }

    /**
     * A side effect whose outcome is unknown on a channel without idempotency (SMS) may already have happened: it
     * takes that channel's lookup-first retry, never a plain reopen (whose fresh claim would do it again). Every
     * other side effect is reopened; the handlers check the vendor first where a repeat could do the thing twice
     * (ledger lookup, Stripe search after its key window).
     */
    private RetryResult retrySideEffect(DeadLetter letter, String operator) {
        String key = letter.idempotencyKey();
        SideEffect effect = sideEffects.find(key).orElse(null);
        UnknownOutcomeRetry lookupFirst = effect == null || effect.status() != SideEffectStatus.UNKNOWN ? null
                : unknownOutcomeRetries.get(effect.action().channel());
        if (lookupFirst != null) {
            return retryAfterLookup(lookupFirst, letter, key, operator);
        }
        return reopen(key);
    }

    private RetryResult retryAfterLookup(UnknownOutcomeRetry lookupFirst, DeadLetter letter, String key,
                                         String operator) {
        UnknownOutcomeRetry.Result result = lookupFirst.retry(key, operator);
        if (result.vendorUnreachable()) {
            throw new RetryUnavailableException(RetryUnavailableException.Cause.VENDOR, "dead letter " + letter.id()
                    + ": " + result.message() + "; the dead letter stays open, retry it later", null);
        }
        return new RetryResult(RETRIED, result.outcome(), result.message());
    }

    /**
     * A side effect is reopened under its key, which is its outbox: pending and not on a queue, the relay dispatches
     * it even when the immediate enqueue below fails, so that failure is reported but does not keep the row open.
     */
    private RetryResult reopen(String key) {
        sideEffects.reopen(key, clock.instant());
        if (dispatch.enqueueNow(IdempotencyKey.parse(key))) {
            return new RetryResult(RETRIED, "queued", key + " reopened and queued");
        }
        return new RetryResult(RETRIED, "queued-by-relay", key + " reopened; the broker could not be reached, so "
                + "the outbox relay queues it once the broker is back");
    }

    private void release(long id, RuntimeException failure) {
        try {
            store.releaseRetry(id);
        } catch (RuntimeException e) {
            // the claim then expires after the retry lease
            failure.addSuppressed(e);
        }
    }

    private DeadLetter find(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("dead letter", Long.toString(id)));
    }
}
