package io.financehub.sms.adapter;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class TwilioPropertiesTest {

    @Test
    void printingTheSettingsNeverShowsTheAuthToken() {
        TwilioProperties settings = new TwilioProperties("live", "https://api.twilio.com", "AC123",
                "twilio-auth-token-secret", "+15005550006", Duration.ofSeconds(10), Duration.ofSeconds(1), "",
                "twilio-previous-token-secret");

        assertThat(settings.toString()).doesNotContain("twilio-auth-token-secret", "twilio-previous-token-secret")
                .contains("mode=live", "accountSid=AC123", "authToken=<set>", "previousAuthToken=<set>",
                "from=+15005550006");
        assertThat(new TwilioProperties("live", null, null, null, null, null, null, null, null).toString())
                .contains("authToken=<none>", "previousAuthToken=<none>");
        assertThat(new TwilioProperties(null, null, null, null, null, null, null, null, null).toString())
                .contains("authToken=<sandbox>").doesNotContain(TwilioProperties.SANDBOX_AUTH_TOKEN);
    }
}
