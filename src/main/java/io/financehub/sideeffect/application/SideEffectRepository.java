package io.financehub.sideeffect.application;

import io.financehub.sideeffect.domain.IdempotencyKey;
import io.financehub.sideeffect.domain.SideEffect;
import io.financehub.sideeffect.domain.SideEffectStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The idempotency table: one row per side effect, keyed by its idempotency key. A side effect is claimed here
 * before its vendor is called, so that at most one caller, on any replica, holds it at a time. Claims, leases and
 * hand-offs to the queue are timed by the database's clock, the one clock every replica shares; the instants passed
 * in are wall times recorded for people to read.
 */
public interface SideEffectRepository {

    /**
     * Stores a new pending side effect, created at {@code now}; its hand-off time starts now, so the relay leaves it
     * to the creating transaction's dispatch for a while. Returns false (and changes nothing) when the key already
     * exists.
     */
    boolean createIfAbsent(IdempotencyKey key, Map<String, String> parameters, Instant now);

    Optional<SideEffect> find(String idempotencyKey);

    List<SideEffect> findByInvoice(String invoiceId);

    /**
     * Claims the side effect: a pending or retrying one becomes in progress ({@link ClaimKind#FRESH}); an in-progress
     * one claimed longer than {@code lease} ago is taken over ({@link ClaimKind#TAKEOVER}: its previous attempt's
     * outcome is unknown). Anything else is not claimed.
     */
    Claim claim(String idempotencyKey, Duration lease);

    /** Sets a final or unknown status regardless of any claim (an operator settling a side effect). */
    void complete(String idempotencyKey, SideEffectStatus status, String resultRef, String error, Instant now);

    /**
     * Ends attempt {@code attempt} with a final or unknown status, only while that attempt still holds the claim:
     * a worker whose lease expired and was taken over records nothing (the attempt number is the fencing token).
     *
     * @return false when the claim was lost
     */
    boolean recordOutcome(String idempotencyKey, int attempt, SideEffectStatus status, String resultRef, String error,
                          Instant now);

    /**
     * Releases attempt {@code attempt}'s claim for a later attempt, sent on after {@code delay} (it counts as handed
     * on until then); fenced like {@link #recordOutcome}.
     *
     * @return false when the claim was lost
     */
    boolean scheduleRetry(String idempotencyKey, int attempt, String error, Duration delay);

    /**
     * Side effects that should be on a queue but may not be: pending or retrying and not handed on within
     * {@code redispatchAfter}, or in progress with a claim older than {@code lease}.
     */
    List<SideEffect> findDueForRedispatch(Duration redispatchAfter, Duration lease, int limit);

    /** Marks the side effect as handed to its queue now, unless it is scheduled for later (a retry's back-off). */
    boolean markDispatched(String idempotencyKey);

    /**
     * Marks the side effect as handed to its queue now, only when nobody handed it on within {@code notWithin}
     * (so replicas sweeping together dispatch each row once).
     */
    boolean markDispatched(String idempotencyKey, Duration notWithin);

    /** Puts a failed or unknown side effect back to pending for an operator's deliberate retry. */
    boolean reopen(String idempotencyKey, Instant now);

    /**
     * Puts a finished side effect — succeeded, failed or unknown — back to pending, for an operator's re-post of an
     * entry the vendor lost (a ledger transaction deleted after the hub recorded it). Its attempts stay counted, so
     * the next attempt is a repeat and checks the vendor first.
     *
     * @return false when the side effect is pending, in progress or retrying (it settles by itself)
     */
    boolean reopenForRepost(String idempotencyKey, Instant now);

    enum ClaimKind { FRESH, TAKEOVER, NONE }

    /** @param effect the side effect as it is after the claim (attempts already counted) */
    record Claim(ClaimKind kind, SideEffect effect) {
        public boolean claimed() {
            return kind != ClaimKind.NONE;
        }
    }
}
