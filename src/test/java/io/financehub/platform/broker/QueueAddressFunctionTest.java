package io.financehub.platform.broker;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code {{queue:<key>}}} in any Camel context: the addresses outside JMS clients know, and nothing else. */
class QueueAddressFunctionTest {

    @Test
    void theAddressesAreTheOnesOutsideClientsKnow() {
        assertThat(QueueNames.byKey()).containsOnly(
                entry("invoice-commands", "hub.invoice.commands"),
                entry("invoice-commands-rejected", "hub.invoice.commands.rejected"),
                entry("dead-letters", "hub.dead-letters"),
                entry("sandbox-sms-status-callbacks", "hub.sandbox.sms-status-callbacks"),
                entry("side-effects-payments", "hub.side-effects.payments"),
                entry("side-effects-accounting", "hub.side-effects.accounting"),
                entry("side-effects-sms", "hub.side-effects.sms"),
                entry("webhooks-stripe", "hub.webhooks.stripe"),
                entry("webhooks-twilio", "hub.webhooks.twilio"),
                entry("events", "hub.events"));
        assertThat(QueueNames.multicast()).containsExactly("hub.events");
        assertThat(QueueNames.all()).doesNotContain("hub.events").contains("hub.invoice.commands");
        assertThat(QueueNames.sideEffects("sms")).isEqualTo("hub.side-effects.sms");
        assertThat(QueueNames.webhooks("stripe")).isEqualTo("hub.webhooks.stripe");
        assertThatThrownBy(() -> QueueNames.sideEffects("fax")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void camelFindsTheFunctionByItsNameAndResolvesTemplateParametersInside() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            assertThat(camel.resolvePropertyPlaceholders("jms:queue:{{queue:invoice-commands}}"))
                    .isEqualTo("jms:queue:hub.invoice.commands");
            Properties template = new Properties();
            template.setProperty("channel", "accounting");
            camel.getPropertiesComponent().setLocalProperties(template);
            assertThat(camel.resolvePropertyPlaceholders("jms:queue:{{queue:side-effects-{{channel}}}}"))
                    .isEqualTo("jms:queue:hub.side-effects.accounting");
        }
    }

    @Test
    void anUnknownKeyFailsTheRouteStart() throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:in").routeId("misspelt").to("log:{{queue:invoice-comands}}");
                }
            });

            assertThatThrownBy(camel::start).hasStackTraceContaining("no queue {{queue:invoice-comands}}")
                    .hasStackTraceContaining("invoice-commands");
        }
    }

    private static java.util.Map.Entry<String, String> entry(String key, String address) {
        return java.util.Map.entry(key, address);
    }
}
