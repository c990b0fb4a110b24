package io.financehub.webhook.application;

import io.financehub.webhook.domain.WebhookProvider;

/**
 * A webhook source whose deliveries are checked by the provider's signature verifier; subclasses read and apply the
 * provider's events.
 */
public abstract class SignedWebhookSource implements WebhookSource {

    private final WebhookProvider provider;
    private final WebhookVerifier signatures;

    protected SignedWebhookSource(WebhookProvider provider, WebhookVerifier signatures) {
        this.provider = provider;
        this.signatures = signatures;
    }

    @Override
    public final WebhookProvider provider() {
        return provider;
    }

    @Override
    public final Verification verify(WebhookDelivery delivery) {
        return signatures.verify(delivery);
    }
}
