package io.financehub.webhook.domain;

/** The vendors whose webhooks the hub receives; {@link #dbValue()} is also the name in paths and keys. */
public enum WebhookProvider {
    STRIPE, TWILIO;

    public String dbValue() {
        return name().toLowerCase();
    }

    /** @return the provider named {@code value} (case-insensitive), or null when there is none */
    public static WebhookProvider ofName(String value) {
        for (WebhookProvider provider : values()) {
            if (provider.dbValue().equalsIgnoreCase(value)) {
                return provider;
            }
        }
        return null;
    }
}
