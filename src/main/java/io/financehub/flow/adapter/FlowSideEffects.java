package io.financehub.flow.adapter;

import io.financehub.flow.application.FlowCallRefusedException;
import io.financehub.flow.application.FlowSideEffectService;
import io.financehub.flow.domain.FlowCall;
import io.financehub.flow.domain.UnknownOutcomePolicy;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The {@code hub-side-effect} kamelet's bean ({@code flowSideEffects}, method {@code request}): reads the kamelet's
 * parameters from the headers its template sets, stores the call under its key with the message body and
 * {@code Content-Type}, and leaves the message as it was but for those headers, plus {@code idempotencyKey} (what
 * the exchange audit records) and {@code HubSideEffectRequest} ({@code stored} or {@code already-stored}).
 */
public class FlowSideEffects {

    static final String KEY = "HubSideEffectKey";
    static final String URI = "HubSideEffectUri";
    static final String UNKNOWN_OUTCOME = "HubSideEffectUnknownOutcome";
    static final String IDEMPOTENCY_KEY_HEADER = "HubSideEffectIdempotencyKeyHeader";
    static final String REQUEST = "HubSideEffectRequest";

    private final FlowSideEffectService service;

    public FlowSideEffects(FlowSideEffectService service) {
        this.service = service;
    }

    public void request(Exchange exchange) {
        Message message = exchange.getMessage();
        String key = message.getHeader(KEY, String.class);
        FlowCall call;
        try {
            call = new FlowCall(message.getHeader(URI, String.class), message.getBody(String.class),
                    message.getHeader(Exchange.CONTENT_TYPE, String.class),
                    UnknownOutcomePolicy.fromText(message.getHeader(UNKNOWN_OUTCOME, String.class)),
                    message.getHeader(IDEMPOTENCY_KEY_HEADER, String.class));
        } catch (IllegalArgumentException e) {
            throw new FlowCallRefusedException("flow call " + key + ": " + e.getMessage());
        }
        FlowSideEffectService.Requested requested = service.request(key, call);
        message.removeHeaders("HubSideEffect*");
        message.setHeader("idempotencyKey", key);
        message.setHeader(REQUEST, requested.text());
    }
}
