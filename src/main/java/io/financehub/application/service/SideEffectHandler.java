package io.financehub.application.service;

import io.financehub.application.port.out.VendorOutcome;
import io.financehub.domain.model.Invoice;
import io.financehub.domain.model.SideEffect;
import io.financehub.domain.model.SideEffectAction;
import io.financehub.domain.model.SideEffectStatus;

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

    /** Runs inside the recording transaction, after the side effect's new status is known. */
    void onOutcome(SideEffect effect, Invoice invoice, VendorOutcome outcome, SideEffectStatus status);
}
