package io.financehub.sms.adapter;

import com.twilio.security.RequestValidator;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The hub's X-Twilio-Signature is the one Twilio's own validator accepts. */
class TwilioRequestSignatureTest {

    static final String URL = "https://hub.example.test/webhooks/twilio/sms-status";
    static final Map<String, String> PARAMS = Map.of("MessageSid", "SM123", "MessageStatus", "delivered",
            "To", "+15551234567", "AccountSid", "AC1");

    @Test
    void twilioValidatorAcceptsTheSignature() {
        String signature = TwilioRequestSignature.sign("token-1", URL, PARAMS);

        assertThat(new RequestValidator("token-1").validate(URL, PARAMS, signature)).isTrue();
    }

    @Test
    void anotherTokenOrUrlDoesNotValidate() {
        String signature = TwilioRequestSignature.sign("token-1", URL, PARAMS);

        assertThat(new RequestValidator("token-2").validate(URL, PARAMS, signature)).isFalse();
        assertThat(new RequestValidator("token-1").validate("http://127.0.0.1:8080/webhooks/twilio/sms-status",
                PARAMS, signature)).isFalse();
    }

    @Test
    void knownVector() {
        // base64(HMAC-SHA1("12345", "https://mycompany.com/myapp.php?foo=1&bar=2" + sorted params)), Twilio's docs example
        Map<String, String> params = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+12349013030",
                "Digits", "1234", "From", "+12349013030", "To", "+18005551212");

        assertThat(TwilioRequestSignature.sign("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", params))
                .isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
    }
}
