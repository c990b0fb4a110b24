package io.financehub.flow.application;

import io.financehub.flow.domain.FlowCall;
import io.financehub.sideeffect.application.VendorOutcome;

/**
 * The endpoint a flow's call goes to (a Camel endpoint, usually a {@code direct:} route holding an {@code http:}
 * one). Implementations classify what happened in the hub's terms: a 2xx answer succeeded; a refusal for good is
 * rejected; a refusal for now, or a request that never left (connection refused, unknown host), is retryable; a
 * failure after the request left (read timeout) is unknown.
 */
public interface FlowEndpoint {

    /**
     * Sends {@code call} once, with {@code idempotencyKey} in the call's idempotency header when it declares one.
     * Never throws for endpoint failures; the outcome's exchange holds the request and response, secrets masked.
     */
    VendorOutcome call(String idempotencyKey, FlowCall call);
}
