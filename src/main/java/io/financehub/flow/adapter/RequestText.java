package io.financehub.flow.adapter;

import io.financehub.flow.domain.FlowCall;

/**
 * A flow call's request as {@code flow_calls} shows it, secrets masked: the endpoint it went to (the declared one, and
 * the last endpoint the exchange reached behind it, e.g. the {@code http:} URI inside a {@code direct:} route), the
 * headers the hub set and the body.
 */
final class RequestText {

    private RequestText() {
    }

    /** The declared endpoint, and the one the exchange last reached when known and different. */
    static String endpoint(FlowCall call, String reached) {
        String declared = EndpointMask.uri(call.endpointUri());
        if (reached == null || reached.equals(call.endpointUri())) {
            return declared;
        }
        return declared + " -> " + EndpointMask.uri(reached);
    }

    static String of(String idempotencyKey, FlowCall call, String reached) {
        StringBuilder text = new StringBuilder(endpoint(call, reached)).append('\n');
        if (call.contentType() != null) {
            text.append("Content-Type: ").append(call.contentType()).append('\n');
        }
        if (call.idempotencyKeyHeader() != null) {
            text.append(call.idempotencyKeyHeader()).append(": ").append(idempotencyKey).append('\n');
        }
        return EndpointMask.text(text.append('\n').append(call.body()).toString());
    }
}
