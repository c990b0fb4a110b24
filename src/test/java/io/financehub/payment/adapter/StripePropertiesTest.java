package io.financehub.payment.adapter;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StripePropertiesTest {

    @Test
    void printingTheSettingsNeverShowsTheKeyOrTheWebhookSecrets() {
        StripeProperties settings = new StripeProperties("live", "https://api.stripe.com", "sk_live_secret123",
                List.of("whsec_one", "whsec_two"), 300, Duration.ofSeconds(5), Duration.ofSeconds(20));

        assertThat(settings.toString()).doesNotContain("sk_live_secret123", "whsec_one", "whsec_two")
                .contains("mode=live", "apiBase=https://api.stripe.com", "apiKey=<set>", "webhookSecrets=<2 set>");
        assertThat(new StripeProperties(null, null, null, null, 0, null, null).toString())
                .contains("apiKey=<none>", "webhookSecrets=<0 set>");
    }
}
