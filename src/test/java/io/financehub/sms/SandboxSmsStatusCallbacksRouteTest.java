package io.financehub.sms;

import io.financehub.sms.adapter.SandboxSmsStatusCallbacks;
import io.financehub.support.RouteTestBase;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWithRouteBuilder;
import org.apache.camel.util.function.ThrowingConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.verify;

/**
 * The {@code sandbox-sms-status-callbacks} route: each scheduled sandbox callback (message sid in the body, status
 * in {@code messageStatus}) is handed to {@code sandboxSmsStatusCallbacks}, which posts it to the hub's own Twilio
 * webhook.
 */
@TestPropertySource(properties = "camel.main.routes-include-pattern=file:routes/sandbox-sms-status-callbacks.camel.yaml")
class SandboxSmsStatusCallbacksRouteTest extends RouteTestBase {

    @MockitoBean(name = "sandboxSmsStatusCallbacks")
    SandboxSmsStatusCallbacks callbacks;

    @Override
    protected Map<String, ThrowingConsumer<AdviceWithRouteBuilder, Exception>> advice() {
        return Map.of("sandbox-sms-status-callbacks", a -> { });
    }

    @Test
    void eachScheduledCallbackIsDeliveredWithItsStatus() {
        clearInvocations(callbacks);
        doReturn("posted:200").when(callbacks).deliver("SMsandbox1", "delivered");

        Exchange exchange = producer.send("direct:sandbox-sms-status-callbacks", e -> {
            e.getMessage().setBody("SMsandbox1");
            e.getMessage().setHeader("messageStatus", "delivered");
        });

        assertThat(exchange.getException()).isNull();
        verify(callbacks).deliver("SMsandbox1", "delivered");
        assertThat(exchange.getMessage().getBody(String.class)).isEqualTo("posted:200");
        assertThat(definedConsumer("sandbox-sms-status-callbacks"))
                .isEqualTo("jms:queue:hub.sandbox.sms-status-callbacks");
    }
}
