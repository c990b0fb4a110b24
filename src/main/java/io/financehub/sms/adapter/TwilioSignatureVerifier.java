package io.financehub.sms.adapter;

import com.twilio.security.RequestValidator;
import io.financehub.webhook.application.WebhookDelivery;
import io.financehub.webhook.application.WebhookVerifier;
import io.financehub.webhook.domain.WebhookProvider;

import java.util.List;
import java.util.Map;

/**
 * Checks {@code X-Twilio-Signature} with the Twilio SDK's {@link RequestValidator}: base64 HMAC-SHA1 under the auth
 * token over the public URL ({@code HUB_PUBLIC_BASE_URL} + path + query) and every POST parameter, sorted by name.
 * The public URL is configured, not taken from the request, because a proxy in front of the hub changes scheme,
 * host or port and Twilio signs what it called. Several tokens may be given (a rotation: the new token and the
 * previous one); a signature made with any of them passes, and every token is tried whatever the first gave.
 */
public class TwilioSignatureVerifier implements WebhookVerifier {

    /** A real signature is 28 base64 characters. */
    static final int MAX_SIGNATURE_LENGTH = 256;

    private final List<RequestValidator> validators;
    private final String publicBaseUrl;

    /** @param authTokens the account's auth tokens (blank ones ignored); none refuses every callback */
    public TwilioSignatureVerifier(List<String> authTokens, String publicBaseUrl) {
        this.validators = authTokens.stream().filter(token -> token != null && !token.isBlank())
                .map(RequestValidator::new).toList();
        this.publicBaseUrl = publicBaseUrl;
    }

    /**
     * The verifier of these settings: the auth token (in sandbox mode, the sandbox token when none is configured) and,
     * during a rotation, the previous one; in live mode with no token, one that refuses every callback.
     */
    public static TwilioSignatureVerifier of(TwilioProperties twilio, String publicBaseUrl) {
        return new TwilioSignatureVerifier(twilio.verificationTokens(), publicBaseUrl);
    }

    @Override
    public WebhookProvider provider() {
        return WebhookProvider.TWILIO;
    }

    @Override
    public Verification verify(WebhookDelivery delivery) {
        String signature = delivery.signature();
        if (validators.isEmpty() || signature == null || signature.isBlank()
                || signature.length() > MAX_SIGNATURE_LENGTH) {
            return Verification.INVALID_SIGNATURE;
        }
        Map<String, String> params;
        try {
            params = UrlEncodedForm.parse(delivery.body());
        } catch (IllegalArgumentException e) {
            return Verification.UNREADABLE;
        }
        String url = publicBaseUrl + delivery.requestPath();
        boolean authentic = false;
        for (RequestValidator validator : validators) {
            authentic |= validator.validate(url, params, signature);
        }
        return authentic ? Verification.AUTHENTIC : Verification.INVALID_SIGNATURE;
    }
}
