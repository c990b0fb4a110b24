package io.financehub.sms.adapter;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Twilio settings ({@code HUB_TWILIO_*}).
 *
 * @param mode                 {@code sandbox} answers in process like Twilio's test credentials; {@code live} calls
 *                             {@code apiBase}
 * @param apiBase              Twilio's API base URL; every SDK request is re-targeted onto it
 * @param accountSid           account SID
 * @param authToken            auth token: signs status callbacks and authenticates API calls; never logged or stored
 * @param from                 sender number (E.164)
 * @param timeout              connect and read timeout of every API call
 * @param sandboxCallbackDelay sandbox mode: delay before the {@code sent} status callback; {@code delivered} follows
 *                             after the same delay again
 * @param sandboxCallbackUrl   sandbox mode: where status callbacks are posted; empty means the hub's own
 *                             {@code /webhooks/twilio/sms-status} on its local port
 */
@ConfigurationProperties(prefix = "hub.twilio")
public record TwilioProperties(String mode, String apiBase, String accountSid, String authToken, String from,
                               Duration timeout, Duration sandboxCallbackDelay, String sandboxCallbackUrl) {

    public TwilioProperties {
        mode = mode == null ? "sandbox" : mode;
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

    /** Status callbacks can only be signed with an auth token; without one the sandbox sends none. */
    public boolean canSignCallbacks() {
        return authToken != null && !authToken.isBlank();
    }

    @Override
    public String toString() {
        // records print every component; the auth token must never reach a log line
        return "TwilioProperties[mode=" + mode + ", apiBase=" + apiBase + ", accountSid=" + accountSid
                + ", authToken=" + (canSignCallbacks() ? "<set>" : "<none>") + ", from=" + from + ", timeout=" + timeout
                + ", sandboxCallbackDelay=" + sandboxCallbackDelay + ", sandboxCallbackUrl=" + sandboxCallbackUrl + "]";
    }
}
