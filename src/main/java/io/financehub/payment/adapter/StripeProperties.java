package io.financehub.payment.adapter;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * Stripe settings ({@code HUB_STRIPE_*}).
 *
 * @param mode                    {@code sandbox} answers in process like test mode; {@code live} calls {@code apiBase}
 * @param apiBase                 Stripe's API base URL (tests and staging point it elsewhere)
 * @param apiKey                  secret API key; never logged or stored
 * @param webhookSecrets          endpoint signing secrets, several during a rotation; in sandbox mode none configured
 *                                means {@link #SANDBOX_WEBHOOK_SECRET}
 * @param webhookToleranceSeconds allowed distance between a webhook's timestamp and now
 * @param connectTimeout          TCP connect timeout of every API call
 * @param readTimeout             read timeout of every API call
 */
@ConfigurationProperties(prefix = "hub.stripe")
public record StripeProperties(String mode, String apiBase, String apiKey, List<String> webhookSecrets,
                               long webhookToleranceSeconds, Duration connectTimeout, Duration readTimeout) {

    /**
     * The endpoint secret a sandbox hub verifies webhooks with when none is configured, so a newcomer can post a
     * signed event ({@code scripts/stripe-event.sh}) without setup. Public by design (docs/getting-started.md):
     * never used in live mode, where an unset secret refuses every webhook.
     */
    public static final String SANDBOX_WEBHOOK_SECRET = "whsec_sandbox_finance_integration_hub";

    public StripeProperties {
        mode = mode == null ? "sandbox" : mode;
        apiBase = apiBase == null ? "https://api.stripe.com" : apiBase;
        webhookSecrets = webhookSecrets == null ? List.of()
                : webhookSecrets.stream().map(String::trim).filter(secret -> !secret.isEmpty()).toList();
        webhookToleranceSeconds = webhookToleranceSeconds <= 0 ? 300 : webhookToleranceSeconds;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(20) : readTimeout;
    }

    public boolean live() {
        return "live".equalsIgnoreCase(mode);
    }

    /** Sandbox mode with no secret configured: webhooks are verified with {@link #SANDBOX_WEBHOOK_SECRET}. */
    public boolean usesSandboxWebhookSecret() {
        return !live() && webhookSecrets.isEmpty();
    }

    /** The secrets a webhook signature may match: the configured ones, or the sandbox secret (sandbox mode only). */
    public List<String> verificationSecrets() {
        return usesSandboxWebhookSecret() ? List.of(SANDBOX_WEBHOOK_SECRET) : webhookSecrets;
    }

    @Override
    public String toString() {
        // records print every component; the key and the signing secrets must never reach a log line
        return "StripeProperties[mode=" + mode + ", apiBase=" + apiBase + ", apiKey="
                + (apiKey == null || apiKey.isBlank() ? "<none>" : "<set>") + ", webhookSecrets=<"
                + webhookSecrets.size() + " set>, webhookToleranceSeconds=" + webhookToleranceSeconds
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
