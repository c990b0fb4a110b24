package io.financehub.sideeffect.application;

import io.financehub.invoice.domain.Invoice;
import io.financehub.sideeffect.domain.SideEffect;
import io.financehub.sideeffect.domain.SideEffectAction;
import io.financehub.sideeffect.domain.SideEffectStatus;

import java.time.Instant;
import java.util.Set;

/**
 * The vendor-specific part of a side effect. {@link SideEffectExecutor} owns the shared shape — claim, call,
 * record, retry — and asks a handler only what differs per vendor.
 */
public interface SideEffectHandler {

    Set<SideEffectAction> actions();

    /** Runs inside the claim's transaction: writes the audit row that must exist whenever the claim does. */
    void onClaim(SideEffect effect, Invoice invoice);

    /** Calls the vendor. Runs outside any transaction; must not throw for vendor errors. */
    VendorOutcome perform(SideEffect effect, Invoice invoice);

    /**
     * Called instead of {@link #perform} when an earlier attempt's outcome is unknown (its holder died or timed
     * out). The default performs again, which is right for vendors that honour idempotency keys.
     */
    default VendorOutcome resume(SideEffect effect, Invoice invoice) {
        return perform(effect, invoice);
    }

    /**
     * Whether an {@link VendorOutcome.Unknown} outcome may be retried. True for vendors with idempotency keys;
     * false where a retry could do the thing twice (SMS): the side effect then stays {@code UNKNOWN}.
     */
    boolean retriesUnknownOutcome();

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
    void onOutcome(SideEffect effect, Invoice invoice, VendorOutcome outcome, SideEffectStatus status);
}
