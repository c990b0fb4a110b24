package io.financehub.platform.config;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code {{millis:<property>}}}: a Spring duration setting as the milliseconds camel-http's options take. */
class DurationMillisFunctionTest {

    private final DurationMillisFunction millis = new DurationMillisFunction();

    @Test
    void springDurationsBecomeMilliseconds() {
        assertThat(millis.apply("5s")).isEqualTo("5000");
        assertThat(millis.apply("PT2M")).isEqualTo("120000");
        assertThat(millis.apply("750ms")).isEqualTo("750");
        assertThat(millis.apply("1500")).isEqualTo("1500");
        assertThatThrownBy(() -> millis.apply(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void camelLooksThePropertyUpAndHandsItsValueToTheFunction() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.getPropertiesComponent().addInitialProperty("hub.accounting.timeout", "3s");
            camel.start();

            assertThat(camel.resolvePropertyPlaceholders("connectTimeout={{millis:hub.accounting.timeout}}"))
                    .isEqualTo("connectTimeout=3000");
        }
    }
}
