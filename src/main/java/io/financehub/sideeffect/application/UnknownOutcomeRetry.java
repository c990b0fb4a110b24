package io.financehub.sideeffect.application;

import io.financehub.sideeffect.domain.SideEffectChannel;

/**
 * An operator's retry of a dead-lettered side effect whose outcome is {@code UNKNOWN}, on a channel where reopening
 * it could do the thing twice (SMS: the vendor has no idempotency keys, so the message may be on the customer's
 * phone). Implemented by the capability that owns the channel: it asks the vendor first and resends only what the
 * vendor does not have. {@link DeadLetterService} reopens side effects of every other channel under their key.
 */
public interface UnknownOutcomeRetry {

    /** The channel whose unknown side effects this retries. */
    SideEffectChannel channel();

    /** Looks the side effect up at the vendor and resends it only when not found, on behalf of {@code operator}. */
    Result retry(String idempotencyKey, String operator);

    /**
     * @param outcome           what the retry did, in the owning capability's words ({@code found}, {@code resent},
     *                          ...)
     * @param message           the same in words, for the operator
     * @param vendorUnreachable the vendor could not be asked: nothing was done, so the dead letter stays open
     */
    record Result(String outcome, String message, boolean vendorUnreachable) {
    }
}
