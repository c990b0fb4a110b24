package io.financehub.payment.adapter;

/**
 * Removes the Stripe API key from any text bound for the audit tables or logs. Every exchange text passes through
 * it, including Stripe's own answers and error messages, which could echo what they were sent.
 */
final class SecretMask {

    static final String MASKED = "[masked]";

    private final String secret;

    SecretMask(String secret) {
        this.secret = secret;
    }

    String apply(String text) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, MASKED);
    }
}
