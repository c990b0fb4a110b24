package io.financehub.webhook;

import io.financehub.webhook.application.WebhookRelay;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * {@code routes/webhook-relay.camel.yaml} on its own: Camel alone, the timer replaced by a direct endpoint (one send is
 * one tick) and the relay a mock. Each tick first re-sends unqueued events, then re-queues matchable unmatched ones;
 * a tick whose first sweep fails ends there, and the next tick runs both again.
 */
@CamelSpringBootTest
@UseAdviceWith
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(classes = WebhookRelayRouteTest.RouteOnly.class,
        properties = "camel.main.routes-include-pattern=file:routes/webhook-relay.camel.yaml")
class WebhookRelayRouteTest {

    static final String TICK = "direct:webhook-relay";

    @MockitoBean(name = "webhookRelay")
    WebhookRelay relay;

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate producer;

    @BeforeEach
    void adviseOnce() throws Exception {
        if (!camel.isStarted()) {
            AdviceWith.adviceWith(camel, "webhook-relay", route -> route.replaceFromWith(TICK));
            camel.start();
        }
    }

    @Test
    void eachTickRelaysUnqueuedEventsThenRequeuesMatchableOnes() {
        when(relay.relayUnqueued()).thenReturn(2);
        when(relay.reprocessMatchable()).thenReturn(0);

        Exchange tick = producer.send(TICK, e -> { });

        assertThat(tick.getException()).isNull();
        InOrder order = inOrder(relay);
        order.verify(relay).relayUnqueued();
        order.verify(relay).reprocessMatchable();
    }

    @Test
    void aTickWhoseFirstSweepFailsEndsThereAndTheNextTickRunsBoth() {
        when(relay.relayUnqueued()).thenThrow(new IllegalStateException("database down")).thenReturn(0);

        Exchange failed = producer.send(TICK, e -> { });

        assertThat(failed.getException()).hasMessage("database down");
        verify(relay, never()).reprocessMatchable();

        Exchange next = producer.send(TICK, e -> { });

        assertThat(next.getException()).isNull();
        verify(relay, times(2)).relayUnqueued();
        verify(relay).reprocessMatchable();
    }

    /** Camel with the relay's YAML route only. */
    @Configuration
    @ImportAutoConfiguration(CamelAutoConfiguration.class)
    static class RouteOnly {
    }
}
