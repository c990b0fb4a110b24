package io.financehub.payment.adapter;

import io.financehub.webhook.application.WebhookDelivery;
import io.financehub.webhook.application.WebhookVerifier;
import io.financehub.webhook.domain.WebhookProvider;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks {@code Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>...]}: {@code v1} is the HMAC-SHA256 of
 * {@code "<t>." + raw body} under an endpoint secret; any {@code v1} matching any configured secret passes (secret
 * rotation). Written here rather than with stripe-java's {@code Webhook.Signature} because that one takes the body
 * as a {@code String} (so bytes that are not UTF-8 could not be checked as sent), knows one secret per call and
 * accepts timestamps from the future. Comparisons are constant-time and do not stop at the first match; the
 * timestamp is judged only once the signature is authentic, so a forger learns nothing from the answer.
 */
public class StripeSignatureVerifier implements WebhookVerifier {

    /** Far above any real header (a timestamp and a few signatures), far below what a header may carry. */
    static final int MAX_HEADER_LENGTH = 4096;
    static final int MAX_SIGNATURES = 16;
    private static final int SIGNATURE_BYTES = 32;
    private static final String HMAC = "HmacSHA256";

    private final List<SecretKeySpec> secrets;
    private final long toleranceSeconds;
    private final Clock clock;

    public StripeSignatureVerifier(List<String> webhookSecrets, long toleranceSeconds, Clock clock) {
        this.secrets = webhookSecrets.stream().map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> new SecretKeySpec(s.getBytes(StandardCharsets.UTF_8), HMAC)).toList();
        this.toleranceSeconds = toleranceSeconds;
        this.clock = clock;
    }

    /**
     * The verifier of these settings: their configured secrets, or in sandbox mode with none configured the sandbox
     * secret; in live mode with none configured, one that refuses every webhook.
     */
    public static StripeSignatureVerifier of(StripeProperties stripe, Clock clock) {
        return new StripeSignatureVerifier(stripe.verificationSecrets(), stripe.webhookToleranceSeconds(), clock);
    }

    @Override
    public WebhookProvider provider() {
        return WebhookProvider.STRIPE;
    }

    @Override
    public Verification verify(WebhookDelivery delivery) {
        String header = delivery.signature();
        if (header == null || header.isBlank() || header.length() > MAX_HEADER_LENGTH || secrets.isEmpty()) {
            return Verification.INVALID_SIGNATURE;
        }
        Long timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String item : header.split(",")) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = item.substring(0, eq).trim();
            String value = item.substring(eq + 1).trim();
            if (key.equals("t")) {
                if (timestamp != null || !value.matches("[0-9]{1,12}")) {
                    return Verification.INVALID_SIGNATURE;
                }
                timestamp = Long.parseLong(value);
            } else if (key.equals("v1") && signatures.size() < MAX_SIGNATURES
                    && value.length() == SIGNATURE_BYTES * 2 && value.matches("[0-9a-fA-F]+")) {
                signatures.add(HexFormat.of().parseHex(value));
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            return Verification.INVALID_SIGNATURE;
        }
        if (!matchesAnySecret(timestamp, delivery.body(), signatures)) {
            return Verification.INVALID_SIGNATURE;
        }
        long now = clock.instant().getEpochSecond();
        return Math.abs(now - timestamp) > toleranceSeconds ? Verification.STALE_TIMESTAMP : Verification.AUTHENTIC;
    }

    private boolean matchesAnySecret(long timestamp, byte[] body, List<byte[]> signatures) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (SecretKeySpec secret : secrets) {
            byte[] expected = hmac(secret, prefix, body);
            for (byte[] signature : signatures) {
                match |= MessageDigest.isEqual(expected, signature);
            }
        }
        return match;
    }

    private static byte[] hmac(SecretKeySpec secret, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(secret);
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + HMAC, e);
        }
    }
}
