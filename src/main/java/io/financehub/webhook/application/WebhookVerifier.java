package io.financehub.webhook.application;

import io.financehub.webhook.domain.WebhookProvider;

/**
 * Checks that a webhook really comes from its provider, before anything reads the body. Each provider's
 * {@link WebhookSource} is one, usually by delegating to the provider's signature check.
 */
public interface WebhookVerifier {

    WebhookProvider provider();

    /** Checks the signature over the raw bytes (and, where the provider signs one, the timestamp). */
    Verification verify(WebhookDelivery delivery);

    /** The result of a check; only {@link #AUTHENTIC} lets the delivery in. */
    enum Verification {
        AUTHENTIC,
        /** missing, garbled or non-matching signature */
        INVALID_SIGNATURE,
        /** the signature matches, but its timestamp is too far from now (past or future) */
        STALE_TIMESTAMP,
        /** the body cannot even be decoded far enough to check the signature (e.g. a broken form encoding) */
        UNREADABLE
    }
}
