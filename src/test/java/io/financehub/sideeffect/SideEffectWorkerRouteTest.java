package io.financehub.sideeffect;

import io.financehub.sideeffect.application.SideEffectExecutor;
import io.financehub.support.RouteTestBase;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWithRouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.util.function.ThrowingConsumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

/**
 * The worker routes (payments, accounting, SMS and flows, each through the {@code hub-side-effect-attempt} kamelet): each
 * consumes its channel's queue, hands the key to the executor and audits the exchange; a failing executor fails the
 * exchange unhandled, so the broker redelivers it (and dead-letters it after the last attempt).
 */
@TestPropertySource(properties = "camel.main.routes-include-pattern=file:routes/error-handling.camel.yaml,"
        + "file:routes/payments-worker.camel.yaml,file:routes/accounting-worker.camel.yaml,"
        + "file:routes/sms-worker.camel.yaml,file:routes/flows-worker.camel.yaml")
class SideEffectWorkerRouteTest extends RouteTestBase {

    @MockitoBean(name = "sideEffectExecutor")
    SideEffectExecutor executor;

    @Override
    protected Map<String, ThrowingConsumer<AdviceWithRouteBuilder, Exception>> advice() {
        return Map.of("payments-worker", a -> { }, "accounting-worker", a -> { }, "sms-worker", a -> { },
                "flows-worker", a -> { });
    }

    @ParameterizedTest
    @CsvSource({"payments-worker, hub.side-effects.payments, INV-1:create-payment-intent",
            "accounting-worker, hub.side-effects.accounting, INV-1:post-invoice",
            "sms-worker, hub.side-effects.sms, INV-1:sms-invoice-issued",
            "flows-worker, hub.side-effects.flows, INV-1:crm-payment-sync"})
    void eachWorkerHandsItsQueuesKeyToTheExecutorAndAuditsTheExchange(String route, String queue, String key)
            throws Exception {
        clearInvocations(executor);
        doReturn("succeeded").when(executor).execute(anyString());
        MockEndpoint audit = mock("mock:record-exchange");
        audit.expectedBodiesReceived("succeeded");
        audit.expectedHeaderReceived("idempotencyKey", key);
        audit.expectedHeaderReceived("sourceRoute", route);

        producer.sendBody("direct:" + route, key);

        audit.assertIsSatisfied(5_000);
        verify(executor).execute(key);
        verifyNoMoreInteractions(executor);
        assertThat(definedConsumer(route)).startsWith("jms:queue:" + queue + "?").contains("transacted=true");
    }

    @ParameterizedTest
    @CsvSource({"payments-worker", "accounting-worker", "sms-worker", "flows-worker"})
    void aFailingExecutorFailsTheExchangeSoTheBrokerRedeliversIt(String route) throws Exception {
        doThrow(new IllegalStateException("database down")).when(executor).execute(anyString());
        MockEndpoint audit = mock("mock:record-exchange");
        audit.expectedMessageCount(0);
        MockEndpoint rejected = endpoint(MockEndpoint.class, "queue:hub.invoice.commands.rejected");
        rejected.expectedMessageCount(0);

        Exchange exchange = producer.send("direct:" + route, e -> e.getMessage().setBody("INV-2:post-invoice"));

        assertThat(exchange.getException()).as("not handled: the JMS transaction rolls back")
                .isInstanceOf(IllegalStateException.class).hasMessage("database down");
        audit.assertIsSatisfied();
        rejected.assertIsSatisfied();
    }

    @ParameterizedTest
    @CsvSource({"payments-worker, 4", "accounting-worker, 2", "sms-worker, 4", "flows-worker, 2"})
    void eachWorkerRunsItsConsumers(String route, String consumers) {
        assertThat(definedConsumer(route)).contains("concurrentConsumers=" + consumers);
    }
}
