package io.financehub.webhook.domain;

/**
 * How the hub learnt of a stored event: the vendor delivered it as a signed webhook, or the hub recovered it from the
 * vendor's own API (over its authenticated connection, so it is as trusted as a verified signature) after the
 * webhook was lost.
 */
public enum WebhookEventSource {
    WEBHOOK, RECOVERED;

    public String dbValue() {
        return name().toLowerCase();
    }
}
