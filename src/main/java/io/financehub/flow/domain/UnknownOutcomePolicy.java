package io.financehub.flow.domain;

/**
 * What a flow's call does when the hub cannot tell whether the endpoint acted (a timeout after the request left):
 * declared by the flow with each call, as the kamelet parameter {@code unknownOutcome}.
 */
public enum UnknownOutcomePolicy {
    /** The endpoint honours the idempotency key, so a repeat under the same key cannot act twice. */
    RETRY_SAME_KEY("retry-same-key"),
    /** A repeat could act twice: the side effect stays {@code unknown} for an operator. */
    MARK_UNKNOWN("mark-unknown");

    private final String text;

    UnknownOutcomePolicy(String text) {
        this.text = text;
    }

    /** As the kamelet parameter spells it. */
    public String text() {
        return text;
    }

    public static UnknownOutcomePolicy fromText(String text) {
        for (UnknownOutcomePolicy policy : values()) {
            if (policy.text.equals(text)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("unknownOutcome must be retry-same-key or mark-unknown, not '" + text + "'");
    }
}
