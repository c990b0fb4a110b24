package io.financehub.flow.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a flow asked the hub to send once, fixed when the side effect is stored: the Camel endpoint that makes the
 * call, the body and its content type, the unknown-outcome policy, and the header (if any) that carries the
 * idempotency key to the endpoint. Stored as the side effect's parameters, so every attempt sends the same request.
 *
 * @param idempotencyKeyHeader null when the flow declared none
 */
public record FlowCall(String endpointUri, String body, String contentType, UnknownOutcomePolicy unknownOutcome,
                       String idempotencyKeyHeader) {

    /** Bodies beyond this are refused when the call is requested: the body is stored with every side effect. */
    public static final int MAX_BODY_CHARS = 256 * 1024;

    private static final String URI = "uri";
    private static final String BODY = "body";
    private static final String CONTENT_TYPE = "contentType";
    private static final String UNKNOWN_OUTCOME = "unknownOutcome";
    private static final String HEADER = "idempotencyKeyHeader";

    public FlowCall {
        if (endpointUri == null || endpointUri.isBlank()) {
            throw new IllegalArgumentException("a flow call needs the endpoint uri");
        }
        Objects.requireNonNull(unknownOutcome, "unknownOutcome");
        body = body == null ? "" : body;
        if (body.length() > MAX_BODY_CHARS) {
            throw new IllegalArgumentException("a flow call's body is at most " + MAX_BODY_CHARS + " characters, not "
                    + body.length());
        }
        contentType = contentType == null || contentType.isBlank() ? null : contentType;
        idempotencyKeyHeader = idempotencyKeyHeader == null || idempotencyKeyHeader.isBlank() ? null
                : idempotencyKeyHeader;
    }

    public boolean retriesUnknownOutcome() {
        return unknownOutcome == UnknownOutcomePolicy.RETRY_SAME_KEY;
    }

    public Map<String, String> toParameters() {
        Map<String, String> parameters = new HashMap<>();
        parameters.put(URI, endpointUri);
        parameters.put(BODY, body);
        parameters.put(UNKNOWN_OUTCOME, unknownOutcome.text());
        if (contentType != null) {
            parameters.put(CONTENT_TYPE, contentType);
        }
        if (idempotencyKeyHeader != null) {
            parameters.put(HEADER, idempotencyKeyHeader);
        }
        return parameters;
    }

    public static FlowCall fromParameters(Map<String, String> parameters) {
        return new FlowCall(parameters.get(URI), parameters.get(BODY), parameters.get(CONTENT_TYPE),
                UnknownOutcomePolicy.fromText(parameters.get(UNKNOWN_OUTCOME)), parameters.get(HEADER));
    }
}
