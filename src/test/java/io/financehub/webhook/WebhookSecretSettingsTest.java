package io.financehub.webhook;

import io.financehub.payment.adapter.StripeProperties;
import io.financehub.payment.adapter.StripeSignatureVerifier;
import io.financehub.sms.adapter.TwilioProperties;
import io.financehub.sms.adapter.TwilioSignatureVerifier;
import io.financehub.support.WebhookSigner;
import io.financehub.webhook.application.WebhookDelivery;
import io.financehub.webhook.application.WebhookPaths;
import io.financehub.webhook.application.WebhookVerifier;
import io.financehub.webhook.application.WebhookVerifier.Verification;
import io.financehub.webhook.domain.WebhookProvider;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which signatures the hub accepts for a given set of environment variables: the sandbox defaults (sandbox mode only)
 * and the secret rotations of docs/operating.md, step by step. Each step binds the variables as the hub does at start
 * (relaxed binding of {@code HUB_*} onto the typed settings) and builds the verifier the way the hub's configuration
 * builds it; signatures are made by {@link WebhookSigner}, independently of the hub's code.
 */
class WebhookSecretSettingsTest {

    private static final String PUBLIC = "https://hub.example.test";
    private static final String TWILIO_PATH = WebhookPaths.TWILIO_SMS_STATUS;
    private static final byte[] STRIPE_EVENT = WebhookSigner.stripeEvent("evt_rotation", "payment_intent.succeeded",
            WebhookSigner.paymentIntent("pi_rotation", "INV-rotation", 100));
    private static final Map<String, String> TWILIO_FORM = new LinkedHashMap<>(Map.of("MessageSid", "SM1",
            "MessageStatus", "delivered", "AccountSid", "AC1", "To", "+15551234567"));

    private static Binder environment(String... nameValuePairs) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            variables.put(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource("systemEnvironment", variables));
        return new Binder(ConfigurationPropertySources.from(sources));
    }

    private static StripeProperties stripe(String... variables) {
        return environment(variables).bindOrCreate("hub.stripe", StripeProperties.class);
    }

    private static TwilioProperties twilio(String... variables) {
        return environment(variables).bindOrCreate("hub.twilio", TwilioProperties.class);
    }

    private static Verification stripeSignedWith(WebhookVerifier verifier, String signatureHeader) {
        return verifier.verify(new WebhookDelivery(WebhookProvider.STRIPE, STRIPE_EVENT, signatureHeader,
                WebhookPaths.STRIPE));
    }

    private static Verification stripeSignedWith(StripeProperties settings, String secret) {
        return stripeSignedWith(StripeSignatureVerifier.of(settings, Clock.systemUTC()),
                WebhookSigner.stripe(STRIPE_EVENT, secret));
    }

    private static Verification twilioSignedWith(TwilioProperties settings, String token) {
        return TwilioSignatureVerifier.of(settings, PUBLIC).verify(new WebhookDelivery(WebhookProvider.TWILIO,
                WebhookSigner.form(TWILIO_FORM), WebhookSigner.twilio(PUBLIC + TWILIO_PATH, TWILIO_FORM, token),
                TWILIO_PATH));
    }

    @Nested
    class SandboxDefaults {

        @Test
        void aSandboxHubWithoutASecretVerifiesStripeEventsWithTheSandboxSecret() {
            StripeProperties settings = stripe();

            assertThat(settings.usesSandboxWebhookSecret()).isTrue();
            assertThat(stripeSignedWith(settings, StripeProperties.SANDBOX_WEBHOOK_SECRET))
                    .isEqualTo(Verification.AUTHENTIC);
            assertThat(stripeSignedWith(settings, "whsec_something_else")).isEqualTo(Verification.INVALID_SIGNATURE);
            assertThat(settings.toString()).doesNotContain(StripeProperties.SANDBOX_WEBHOOK_SECRET);
        }

        @Test
        void aBlankSecretCountsAsNone() {
            assertThat(stripeSignedWith(stripe("HUB_STRIPE_WEBHOOK_SECRETS", " "),
                    StripeProperties.SANDBOX_WEBHOOK_SECRET)).isEqualTo(Verification.AUTHENTIC);
        }

        @Test
        void aConfiguredSecretReplacesTheSandboxOne() {
            StripeProperties settings = stripe("HUB_STRIPE_WEBHOOK_SECRETS", "whsec_mine");

            assertThat(settings.usesSandboxWebhookSecret()).isFalse();
            assertThat(stripeSignedWith(settings, "whsec_mine")).isEqualTo(Verification.AUTHENTIC);
            assertThat(stripeSignedWith(settings, StripeProperties.SANDBOX_WEBHOOK_SECRET))
                    .isEqualTo(Verification.INVALID_SIGNATURE);
        }

        @Test
        void liveStripeWithoutASecretRefusesEveryWebhookAsBefore() {
            StripeProperties settings = stripe("HUB_STRIPE_MODE", "live");

            assertThat(settings.usesSandboxWebhookSecret()).isFalse();
            assertThat(settings.verificationSecrets()).isEmpty();
            assertThat(stripeSignedWith(settings, StripeProperties.SANDBOX_WEBHOOK_SECRET))
                    .isEqualTo(Verification.INVALID_SIGNATURE);
            assertThat(stripeSignedWith(stripe("HUB_STRIPE_MODE", "LIVE", "HUB_STRIPE_WEBHOOK_SECRETS", ""),
                    StripeProperties.SANDBOX_WEBHOOK_SECRET)).isEqualTo(Verification.INVALID_SIGNATURE);
        }

        @Test
        void aSandboxHubWithoutATokenSignsAndVerifiesTwilioCallbacksWithTheSandboxToken() {
            TwilioProperties settings = twilio();

            assertThat(settings.usesSandboxAuthToken()).isTrue();
            assertThat(settings.canSignCallbacks()).isTrue();
            assertThat(settings.authToken()).isEqualTo(TwilioProperties.SANDBOX_AUTH_TOKEN);
            assertThat(twilioSignedWith(settings, TwilioProperties.SANDBOX_AUTH_TOKEN))
                    .isEqualTo(Verification.AUTHENTIC);
            assertThat(twilioSignedWith(twilio("HUB_TWILIO_AUTH_TOKEN", "mine"), TwilioProperties.SANDBOX_AUTH_TOKEN))
                    .isEqualTo(Verification.INVALID_SIGNATURE);
        }

        @Test
        void liveTwilioWithoutATokenRefusesEveryCallbackAsBefore() {
            TwilioProperties settings = twilio("HUB_TWILIO_MODE", "live");

            assertThat(settings.usesSandboxAuthToken()).isFalse();
            assertThat(settings.canSignCallbacks()).isFalse();
            assertThat(settings.verificationTokens()).isEmpty();
            assertThat(twilioSignedWith(settings, TwilioProperties.SANDBOX_AUTH_TOKEN))
                    .isEqualTo(Verification.INVALID_SIGNATURE);
        }
    }

    /** docs/operating.md#rotating-the-stripe-webhook-secret, in order, on a live hub. */
    @Test
    void stripeSecretRotationFollowsTheRunbook() {
        String old = "whsec_old_0123456789";
        String renewed = "whsec_new_9876543210";
        long now = System.currentTimeMillis() / 1000;
        // while both secrets are active Stripe sends one v1 signature per secret in the same header
        String bothSignatures = "t=" + now + ",v1=" + WebhookSigner.stripeV1(STRIPE_EVENT, renewed, now)
                + ",v1=" + WebhookSigner.stripeV1(STRIPE_EVENT, old, now);

        StripeProperties before = stripe("HUB_STRIPE_MODE", "live", "HUB_STRIPE_WEBHOOK_SECRETS", old);
        assertThat(stripeSignedWith(before, old)).isEqualTo(Verification.AUTHENTIC);
        // step 1, the secret rolled in Stripe's dashboard: replicas not yet updated keep accepting Stripe's events
        assertThat(stripeSignedWith(StripeSignatureVerifier.of(before, Clock.systemUTC()), bothSignatures))
                .isEqualTo(Verification.AUTHENTIC);

        // step 2: both secrets configured, new first; either signature alone passes
        StripeProperties during = stripe("HUB_STRIPE_MODE", "live", "HUB_STRIPE_WEBHOOK_SECRETS", renewed + "," + old);
        assertThat(stripeSignedWith(during, old)).isEqualTo(Verification.AUTHENTIC);
        assertThat(stripeSignedWith(during, renewed)).isEqualTo(Verification.AUTHENTIC);
        assertThat(stripeSignedWith(StripeSignatureVerifier.of(during, Clock.systemUTC()), bothSignatures))
                .isEqualTo(Verification.AUTHENTIC);

        // step 3, once the old secret expired at Stripe: only the new one; the old one is refused
        StripeProperties after = stripe("HUB_STRIPE_MODE", "live", "HUB_STRIPE_WEBHOOK_SECRETS", renewed);
        assertThat(stripeSignedWith(after, renewed)).isEqualTo(Verification.AUTHENTIC);
        assertThat(stripeSignedWith(after, old)).isEqualTo(Verification.INVALID_SIGNATURE);
    }

    /** docs/operating.md#rotating-the-twilio-auth-token, in order, on a live hub. */
    @Test
    void twilioTokenRotationFollowsTheRunbook() {
        String old = "0123456789abcdef0123456789abcdef";
        String secondary = "fedcba9876543210fedcba9876543210";

        TwilioProperties before = twilio("HUB_TWILIO_MODE", "live", "HUB_TWILIO_AUTH_TOKEN", old);
        assertThat(twilioSignedWith(before, old)).isEqualTo(Verification.AUTHENTIC);
        assertThat(twilioSignedWith(before, secondary)).isEqualTo(Verification.INVALID_SIGNATURE);

        // step 2: the new (secondary) token calls Twilio, the old one is still accepted on callbacks; Twilio signs
        // with the old one until step 3 promotes the secondary, and with the new one after it
        TwilioProperties during = twilio("HUB_TWILIO_MODE", "live", "HUB_TWILIO_AUTH_TOKEN", secondary,
                "HUB_TWILIO_PREVIOUS_AUTH_TOKEN", old);
        assertThat(during.authToken()).isEqualTo(secondary);
        assertThat(twilioSignedWith(during, old)).isEqualTo(Verification.AUTHENTIC);
        assertThat(twilioSignedWith(during, secondary)).isEqualTo(Verification.AUTHENTIC);
        assertThat(twilioSignedWith(during, "some-other-token")).isEqualTo(Verification.INVALID_SIGNATURE);

        // step 4: the previous token removed; a callback signed with it is refused
        TwilioProperties after = twilio("HUB_TWILIO_MODE", "live", "HUB_TWILIO_AUTH_TOKEN", secondary);
        assertThat(twilioSignedWith(after, secondary)).isEqualTo(Verification.AUTHENTIC);
        assertThat(twilioSignedWith(after, old)).isEqualTo(Verification.INVALID_SIGNATURE);
    }
}
