package io.financehub.adapter.out.twilio;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Twilio settings ({@code HUB_TWILIO_*}).
 *
 * @param mode       {@code sandbox} answers in process like Twilio's test credentials; {@code live} calls {@code apiBase}
 * @param apiBase    Twilio's API base URL
 * @param accountSid account SID
 * @param authToken  auth token: signs status callbacks and authenticates API calls; never logged or stored
 * @param from       sender number (E.164)
 * @param timeout    connect and read timeout of every API call
 */
@ConfigurationProperties(prefix = "hub.twilio")
public record TwilioProperties(String mode, String apiBase, String accountSid, String authToken, String from,
                               Duration timeout) {

    public TwilioProperties {
        mode = mode == null ? "sandbox" : mode;
        apiBase = apiBase == null ? "https://api.twilio.com" : apiBase;
        accountSid = accountSid == null ? "ACsandbox" : accountSid;
        from = from == null ? "+15005550006" : from;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }

    public boolean live() {
        return "live".equalsIgnoreCase(mode);
    }
}
