package io.financehub.sideeffect.application;

/**
 * Performs one side effect: claims its key, calls the vendor, records the outcome. Safe to call any number of
 * times for the same key, from any replica: only the caller holding the claim reaches the vendor.
 */
public interface ExecuteSideEffectUseCase {

    /** @return what happened this time, for logs and the route's exchange audit */
    String execute(String idempotencyKey);
}
