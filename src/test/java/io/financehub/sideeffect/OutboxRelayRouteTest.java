package io.financehub.sideeffect;

import io.financehub.sideeffect.application.OutboxRelay;
import io.financehub.support.RouteTestBase;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWithRouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.util.function.ThrowingConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;

/**
 * The {@code outbox-relay} route: on its timer it asks the {@code outboxRelay} bean to re-dispatch stale side
 * effects; a failing relay fails only that tick (the next one tries again).
 */
@TestPropertySource(properties = "camel.main.routes-include-pattern=file:routes/outbox-relay.camel.yaml")
class OutboxRelayRouteTest extends RouteTestBase {

    @MockitoBean(name = "outboxRelay")
    OutboxRelay relay;

    @Override
    protected Map<String, ThrowingConsumer<AdviceWithRouteBuilder, Exception>> advice() {
        return Map.of("outbox-relay", a -> a.weaveAddLast().to("mock:relayed"));
    }

    @Test
    void eachTickAsksTheRelayAndPassesOnHowManyItRedispatched() throws Exception {
        clearInvocations(relay);
        doReturn(3).when(relay).redispatchStale();
        MockEndpoint relayed = mock("mock:relayed");
        relayed.expectedBodiesReceived(3);

        producer.sendBody("direct:outbox-relay", null);

        relayed.assertIsSatisfied(5_000);
        verify(relay).redispatchStale();
        assertThat(definedConsumer("outbox-relay")).isEqualTo("timer:outbox-relay?delay=5000&period=10000");
    }

    @Test
    void aFailingRelayFailsThatTickOnly() throws Exception {
        doThrow(new IllegalStateException("database down")).when(relay).redispatchStale();
        MockEndpoint relayed = mock("mock:relayed");
        relayed.expectedMessageCount(0);

        Exchange tick = producer.send("direct:outbox-relay", e -> { });

        assertThat(tick.getException()).isInstanceOf(IllegalStateException.class);
        relayed.assertIsSatisfied();
    }
}
