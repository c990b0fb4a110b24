package io.financehub.sms.adapter;

import com.twilio.security.RequestValidator;
import io.financehub.webhook.application.WebhookDelivery;
import io.financehub.webhook.application.WebhookVerifier;
import io.financehub.webhook.domain.WebhookProvider;

import java.util.Map;

/**
 * Checks {@code X-Twilio-Signature} with the Twilio SDK's {@link RequestValidator}: base64 HMAC-SHA1 under the auth
 * token over the public URL ({@code HUB_PUBLIC_BASE_URL} + path + query) and every POST parameter, sorted by name.
 * The public URL is configured, not taken from the request, because a proxy in front of the hub changes scheme,
 * host or port and Twilio signs what it called.
 */
public class TwilioSignatureVerifier implements WebhookVerifier {

    /** A real signature is 28 base64 characters. */
    static final int MAX_SIGNATURE_LENGTH = 256;

    private final RequestValidator validator;
    private final String publicBaseUrl;

    /** @param authToken the account's auth token; null or blank refuses every callback */
    public TwilioSignatureVerifier(String authToken, String publicBaseUrl) {
        this.validator = authToken == null || authToken.isBlank() ? null : new RequestValidator(authToken);
        this.publicBaseUrl = publicBaseUrl;
    }

    @Override
    public WebhookProvider provider() {
        return WebhookProvider.TWILIO;
    }

    @Override
    public Verification verify(WebhookDelivery delivery) {
        String signature = delivery.signature();
        if (validator == null || signature == null || signature.isBlank()
                || signature.length() > MAX_SIGNATURE_LENGTH) {
            return Verification.INVALID_SIGNATURE;
        }
        Map<String, String> params;
        try {
            params = UrlEncodedForm.parse(delivery.body());
        } catch (IllegalArgumentException e) {
            return Verification.UNREADABLE;
        }
        return validator.validate(publicBaseUrl + delivery.requestPath(), params, signature)
                ? Verification.AUTHENTIC : Verification.INVALID_SIGNATURE;
    }
}
