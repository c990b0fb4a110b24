package io.financehub.webhook.application;

import io.financehub.webhook.domain.WebhookProvider;

/**
 * One webhook request as it arrived, before anything trusts it.
 *
 * @param provider    who claims to have sent it
 * @param body        the raw body bytes, exactly as received (signatures are computed over them)
 * @param signature   the provider's signature header ({@code Stripe-Signature}, {@code X-Twilio-Signature}); null
 *                    when absent
 * @param requestPath path and query string the request was sent to (Twilio signs the full URL)
 */
public record WebhookDelivery(WebhookProvider provider, byte[] body, String signature, String requestPath) {
}
