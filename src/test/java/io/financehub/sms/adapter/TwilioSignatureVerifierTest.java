package io.financehub.sms.adapter;

import io.financehub.webhook.application.WebhookDelivery;
import io.financehub.webhook.application.WebhookVerifier.Verification;
import io.financehub.webhook.domain.WebhookProvider;
import io.financehub.support.WebhookSigner;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TwilioSignatureVerifierTest {

    static final String TOKEN = "auth-token";
    static final String BASE = "https://hub.example.test";
    static final String PATH = "/webhooks/twilio/sms-status";

    final TwilioSignatureVerifier verifier = new TwilioSignatureVerifier(List.of(TOKEN), BASE);
    final Map<String, String> params = new LinkedHashMap<>(Map.of("MessageSid", "SM123", "MessageStatus", "delivered",
            "To", "+15551234567", "AccountSid", "AC1"));

    Verification verify(byte[] body, String signature, String path) {
        return verifier.verify(new WebhookDelivery(WebhookProvider.TWILIO, body, signature, path));
    }

    @Test
    void acceptsTheSignatureOverThePublicUrlAndSortedParameters() {
        String signature = WebhookSigner.twilio(BASE + PATH, params, TOKEN);
        assertThat(verify(WebhookSigner.form(params), signature, PATH)).isEqualTo(Verification.AUTHENTIC);
    }

    @Test
    void theQueryStringIsPartOfTheSignedUrl() {
        String signature = WebhookSigner.twilio(BASE + PATH + "?attempt=2", params, TOKEN);
        assertThat(verify(WebhookSigner.form(params), signature, PATH + "?attempt=2")).isEqualTo(Verification.AUTHENTIC);
        assertThat(verify(WebhookSigner.form(params), signature, PATH)).isEqualTo(Verification.INVALID_SIGNATURE);
    }

    @Test
    void refusesAnotherTokenAnotherUrlOrAChangedParameter() {
        byte[] body = WebhookSigner.form(params);
        assertThat(verify(body, WebhookSigner.twilio(BASE + PATH, params, "other"), PATH))
                .isEqualTo(Verification.INVALID_SIGNATURE);
        assertThat(verify(body, WebhookSigner.twilio("http://127.0.0.1:8080" + PATH, params, TOKEN), PATH))
                .isEqualTo(Verification.INVALID_SIGNATURE);
        Map<String, String> changed = new LinkedHashMap<>(params);
        changed.put("MessageStatus", "failed");
        assertThat(verify(WebhookSigner.form(changed), WebhookSigner.twilio(BASE + PATH, params, TOKEN), PATH))
                .isEqualTo(Verification.INVALID_SIGNATURE);
        assertThat(verify(body, null, PATH)).isEqualTo(Verification.INVALID_SIGNATURE);
        assertThat(verify(body, "x".repeat(300), PATH)).isEqualTo(Verification.INVALID_SIGNATURE);
    }

    @Test
    void aBodyThatIsNotAFormIsUnreadable() {
        assertThat(verify(new byte[]{'a', '=', '%', 'z', 'z'}, "c2ln", PATH)).isEqualTo(Verification.UNREADABLE);
    }

    @Test
    void withoutAnAuthTokenNothingIsAuthentic() {
        TwilioSignatureVerifier unconfigured = new TwilioSignatureVerifier(List.of(" "), BASE);
        assertThat(unconfigured.verify(new WebhookDelivery(WebhookProvider.TWILIO, WebhookSigner.form(params),
                WebhookSigner.twilio(BASE + PATH, params, TOKEN), PATH))).isEqualTo(Verification.INVALID_SIGNATURE);
    }
}
