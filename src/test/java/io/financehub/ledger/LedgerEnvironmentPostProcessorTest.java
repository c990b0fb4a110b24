package io.financehub.ledger;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger's base URL as its routes read it. */
class LedgerEnvironmentPostProcessorTest {

    @Test
    void aTrailingSlashIsDroppedSoPathsAreNotDoubled() {
        assertThat(baseUrl("http://ledger:5000/")).isEqualTo("http://ledger:5000");
        assertThat(baseUrl(" http://ledger:5000// ")).isEqualTo("http://ledger:5000");
        assertThat(baseUrl("https://api.example.test/xero")).isEqualTo("https://api.example.test/xero");
    }

    @Test
    void withNoLedgerConfiguredTheRoutesGetAPlaceholderAddressTheyNeverCall() {
        assertThat(baseUrl("")).isEqualTo(LedgerEnvironmentPostProcessor.UNSET);
    }

    private static String baseUrl(String url) {
        StandardEnvironment env = new StandardEnvironment();
        new LedgerEnvironmentPostProcessor().postProcessEnvironment(env, null);
        env.getPropertySources().addFirst(new MapPropertySource("later", Map.of("hub.accounting.url", url)));
        return env.getProperty(LedgerEnvironmentPostProcessor.BASE_URL);
    }
}
