package io.financehub.sms.adapter;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Twilio settings ({@code HUB_TWILIO_*}).
 *
 * @param mode                 {@code sandbox} answers in process like Twilio's test credentials; {@code live} calls
 *                             {@code apiBase}
 * @param apiBase              Twilio's API base URL; every SDK request is re-targeted onto it
 * @param accountSid           account SID
 * @param authToken            auth token: signs status callbacks and authenticates API calls; never logged or stored.
 *                             In sandbox mode none configured means {@link #SANDBOX_AUTH_TOKEN}
 * @param from                 sender number (E.164)
 * @param timeout              connect and read timeout of every API call
 * @param sandboxCallbackDelay sandbox mode: delay before the {@code sent} status callback; {@code delivered} follows
 *                             after the same delay again
 * @param sandboxCallbackUrl   sandbox mode: where status callbacks are posted; empty means the hub's own
 *                             {@code /webhooks/twilio/sms-status} on its local port
 * @param previousAuthToken    during a token rotation, the token being replaced: still accepted on
 *                             {@code X-Twilio-Signature}, never used to call Twilio or to sign; empty outside a rotation
 */
@ConfigurationProperties(prefix = "hub.twilio")
public record TwilioProperties(String mode, String apiBase, String accountSid, String authToken, String from,
                               Duration timeout, Duration sandboxCallbackDelay, String sandboxCallbackUrl,
                               String previousAuthToken) {

    /**
     * The auth token a sandbox hub signs and verifies its own status callbacks with when none is configured, so the
     * default start shows SMS delivered. Public by design (docs/getting-started.md); never used in live mode.
     */
    public static final String SANDBOX_AUTH_TOKEN = "sandbox-twilio-auth-token";

    public TwilioProperties {
        mode = mode == null ? "sandbox" : mode;
        if (!"live".equalsIgnoreCase(mode) && (authToken == null || authToken.isBlank())) {
            authToken = SANDBOX_AUTH_TOKEN;
        }
        previousAuthToken = previousAuthToken == null ? "" : previousAuthToken.trim();
        apiBase = apiBase == null || apiBase.isBlank() ? "https://api.twilio.com" : apiBase.replaceAll("/+$", "");
        accountSid = accountSid == null || accountSid.isBlank() ? "ACsandbox" : accountSid;
        from = from == null || from.isBlank() ? "+15005550006" : from;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        sandboxCallbackDelay = sandboxCallbackDelay == null ? Duration.ofSeconds(1) : sandboxCallbackDelay;
        sandboxCallbackUrl = sandboxCallbackUrl == null ? "" : sandboxCallbackUrl;
    }

    public boolean live() {
        return "live".equalsIgnoreCase(mode);
    }

    /** Status callbacks can only be signed with an auth token; without one (live mode only) none is sent. */
    public boolean canSignCallbacks() {
        return authToken != null && !authToken.isBlank();
    }

    /** Sandbox mode with no auth token configured: {@link #SANDBOX_AUTH_TOKEN} is in use. */
    public boolean usesSandboxAuthToken() {
        return !live() && SANDBOX_AUTH_TOKEN.equals(authToken);
    }

    /**
     * The tokens an {@code X-Twilio-Signature} may be made with: the auth token, and during a rotation the previous
     * one (Twilio signs with its primary token, which is the previous one until the new token is promoted).
     */
    public List<String> verificationTokens() {
        return Stream.of(authToken, previousAuthToken).filter(token -> token != null && !token.isBlank())
                .distinct().toList();
    }

    @Override
    public String toString() {
        // records print every component; the auth token must never reach a log line
        return "TwilioProperties[mode=" + mode + ", apiBase=" + apiBase + ", accountSid=" + accountSid
                + ", authToken=" + (usesSandboxAuthToken() ? "<sandbox>" : canSignCallbacks() ? "<set>" : "<none>")
                + ", previousAuthToken=" + (previousAuthToken.isEmpty() ? "<none>" : "<set>") + ", from=" + from
                + ", timeout=" + timeout + ", sandboxCallbackDelay=" + sandboxCallbackDelay + ", sandboxCallbackUrl="
                + sandboxCallbackUrl + "]";
    }
}
