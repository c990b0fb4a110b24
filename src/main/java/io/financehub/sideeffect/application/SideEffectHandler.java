package io.financehub.sideeffect.application;

import io.financehub.sideeffect.domain.SideEffect;
import io.financehub.sideeffect.domain.SideEffectAction;
import io.financehub.sideeffect.domain.SideEffectStatus;

import java.time.Instant;
import java.util.Set;

/**
 * The vendor-specific part of a side effect, implemented by the capability that owns the vendor. {@link
 * SideEffectExecutor} owns the shared shape — claim, call, record, retry — and asks a handler only what differs per
 * vendor.
 *
 * @param <S> what the side effect acts on (an invoice), read by {@link #subject} once per execution and handed to
 *            every later step
 */
public interface SideEffectHandler<S> {

    Set<SideEffectAction> actions();

    /**
     * The vendor this handler calls, as the {@code vendor} tag of {@code hub_vendor_calls_seconds} names it:
     * {@code stripe}, {@code twilio}, {@code hledger}, {@code xero}, a sandbox ({@code sandbox-stripe},
     * {@code sandbox-twilio}, {@code sandbox-ledger}), or {@code flow} for flows' calls.
     */
    String vendor();

    /**
     * Reads what {@code effect} acts on. Called once per execution, before the claim and outside any transaction.
     *
     * @throws IllegalStateException when it is gone: a side effect is only ever created with its subject
     */
    S subject(SideEffect effect);

    /** Runs inside the claim's transaction: writes the audit row that must exist whenever the claim does. */
    void onClaim(SideEffect effect, S subject);

    /** Calls the vendor. Runs outside any transaction; must not throw for vendor errors. */
    VendorOutcome perform(SideEffect effect, S subject);

    /**
     * Called instead of {@link #perform} when an earlier attempt's outcome is unknown (its holder died or timed
     * out). The default performs again, which is right for vendors that honour idempotency keys.
     */
    default VendorOutcome resume(SideEffect effect, S subject) {
        return perform(effect, subject);
    }

    /**
     * Whether an {@link VendorOutcome.Unknown} outcome of {@code effect} may be retried. True for vendors with
     * idempotency keys; false where a retry could do the thing twice (SMS): the side effect then stays
     * {@code UNKNOWN}. Asked per side effect, because a flow declares its policy with each call.
     */
    boolean retriesUnknownOutcome(SideEffect effect);

    /**
     * The earliest a retry of {@code effect} may start, when that is later than its back-off; null when the back-off
     * alone decides. Asked after an attempt ended retryable or unknown, outside any transaction. A handler whose
     * vendor may still carry out a request the hub stopped waiting for says here when that wait is over, so the
     * retry is scheduled for then instead of arriving early and being turned away again.
     */
    default Instant retryNotBefore(SideEffect effect) {
        return null;
    }

    /** Runs inside the recording transaction, after the side effect's new status is known. */
    void onOutcome(SideEffect effect, S subject, VendorOutcome outcome, SideEffectStatus status);
}
