package io.financehub.payment.adapter;

import io.financehub.webhook.application.WebhookDelivery;
import io.financehub.webhook.application.WebhookVerifier.Verification;
import io.financehub.webhook.domain.WebhookProvider;
import io.financehub.support.WebhookSigner;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StripeSignatureVerifierTest {

    static final String PRIMARY = "whsec_primary";
    static final String ROTATED = "whsec_rotated";
    static final long NOW = 1_760_000_000L;
    static final byte[] BODY = "{\"id\":\"evt_1\",\"type\":\"x\",\"data\":{\"object\":{}}}".getBytes(StandardCharsets.UTF_8);

    final StripeSignatureVerifier verifier = new StripeSignatureVerifier(List.of(PRIMARY, " " + ROTATED + " "), 300,
            Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

    Verification verify(byte[] body, String header) {
        return verifier.verify(new WebhookDelivery(WebhookProvider.STRIPE, body, header, "/webhooks/stripe"));
    }

    @Test
    void acceptsEitherSecretDuringRotation() {
        assertThat(verify(BODY, WebhookSigner.stripe(BODY, PRIMARY, NOW))).isEqualTo(Verification.AUTHENTIC);
        assertThat(verify(BODY, WebhookSigner.stripe(BODY, ROTATED, NOW))).isEqualTo(Verification.AUTHENTIC);
    }

    @Test
    void anyOfSeveralV1SignaturesMayMatch() {
        String header = "t=" + NOW + ",v1=" + WebhookSigner.stripeV1(BODY, "whsec_other", NOW) + ", v0=abc,v1="
                + WebhookSigner.stripeV1(BODY, ROTATED, NOW);
        assertThat(verify(BODY, header)).isEqualTo(Verification.AUTHENTIC);
    }

    @Test
    void refusesWrongSecretTamperedBodyAndGarbledHeaders() {
        assertThat(verify(BODY, WebhookSigner.stripe(BODY, "whsec_wrong", NOW))).isEqualTo(Verification.INVALID_SIGNATURE);
        byte[] tampered = "{\"id\":\"evt_2\",\"type\":\"x\",\"data\":{\"object\":{}}}".getBytes(StandardCharsets.UTF_8);
        assertThat(verify(tampered, WebhookSigner.stripe(BODY, PRIMARY, NOW))).isEqualTo(Verification.INVALID_SIGNATURE);
        assertThat(verify(BODY, null)).isEqualTo(Verification.INVALID_SIGNATURE);
        assertThat(verify(BODY, "")).isEqualTo(Verification.INVALID_SIGNATURE);
        assertThat(verify(BODY, "v1=" + WebhookSigner.stripeV1(BODY, PRIMARY, NOW))).isEqualTo(Verification.INVALID_SIGNATURE);
        assertThat(verify(BODY, "t=" + NOW)).isEqualTo(Verification.INVALID_SIGNATURE);
        assertThat(verify(BODY, "t=abc,v1=" + WebhookSigner.stripeV1(BODY, PRIMARY, NOW)))
                .isEqualTo(Verification.INVALID_SIGNATURE);
        assertThat(verify(BODY, "t=" + NOW + ",t=" + NOW + ",v1=" + WebhookSigner.stripeV1(BODY, PRIMARY, NOW)))
                .isEqualTo(Verification.INVALID_SIGNATURE);
        assertThat(verify(BODY, "t=" + NOW + ",v1=zz")).isEqualTo(Verification.INVALID_SIGNATURE);
        assertThat(verify(BODY, WebhookSigner.stripe(BODY, PRIMARY, NOW) + ",v1=" + "a".repeat(5000)))
                .isEqualTo(Verification.INVALID_SIGNATURE);
    }

    @Test
    void timestampsOutsideTheToleranceAreStaleInBothDirections() {
        assertThat(verify(BODY, WebhookSigner.stripe(BODY, PRIMARY, NOW - 301))).isEqualTo(Verification.STALE_TIMESTAMP);
        assertThat(verify(BODY, WebhookSigner.stripe(BODY, PRIMARY, NOW + 301))).isEqualTo(Verification.STALE_TIMESTAMP);
        assertThat(verify(BODY, WebhookSigner.stripe(BODY, PRIMARY, NOW - 300))).isEqualTo(Verification.AUTHENTIC);
        assertThat(verify(BODY, WebhookSigner.stripe(BODY, PRIMARY, NOW + 300))).isEqualTo(Verification.AUTHENTIC);
    }

    @Test
    void aStaleTimestampIsOnlyReportedForAnAuthenticSignature() {
        assertThat(verify(BODY, WebhookSigner.stripe(BODY, "whsec_wrong", NOW - 3600)))
                .isEqualTo(Verification.INVALID_SIGNATURE);
    }

    @Test
    void verifiesTheRawBytesEvenWhenTheyAreNotUtf8() {
        byte[] notUtf8 = {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'};
        assertThat(verify(notUtf8, WebhookSigner.stripe(notUtf8, PRIMARY, NOW))).isEqualTo(Verification.AUTHENTIC);
    }

    @Test
    void withNoSecretConfiguredNothingIsAuthentic() {
        StripeSignatureVerifier unconfigured = new StripeSignatureVerifier(List.of(), 300,
                Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
        assertThat(unconfigured.verify(new WebhookDelivery(WebhookProvider.STRIPE, BODY,
                WebhookSigner.stripe(BODY, PRIMARY, NOW), "/webhooks/stripe"))).isEqualTo(Verification.INVALID_SIGNATURE);
    }
}
