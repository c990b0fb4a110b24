package io.financehub.audit;

import io.financehub.audit.adapter.JdbcRouteExchangeLog;
import io.financehub.support.RouteTestBase;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWithRouteBuilder;
import org.apache.camel.util.function.ThrowingConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;

/**
 * The {@code exchange-audit} route, target of every route's wire tap: one {@code route_exchanges} row per exchange
 * with the route that sent it, the exchange id, the idempotency key and the body as text.
 */
@TestPropertySource(properties = "camel.main.routes-include-pattern=file:routes/exchange-audit.camel.yaml")
class ExchangeAuditRouteTest extends RouteTestBase {

    @MockitoBean(name = "routeExchangeLog")
    JdbcRouteExchangeLog log;

    @Override
    protected Map<String, ThrowingConsumer<AdviceWithRouteBuilder, Exception>> advice() {
        return Map.of("exchange-audit", a -> { });
    }

    @Test
    void eachTappedExchangeIsRecordedWithItsRouteKeyAndBody() {
        clearInvocations(log);

        Exchange exchange = producer.send("direct:exchange-audit", e -> {
            e.getMessage().setHeader("sourceRoute", "payments-worker");
            e.getMessage().setHeader("idempotencyKey", "INV-1:create-payment-intent");
            e.getMessage().setBody("succeeded".getBytes());
        });

        assertThat(exchange.getException()).isNull();
        verify(log).record("payments-worker", exchange.getExchangeId(), "INV-1:create-payment-intent", "succeeded");
        assertThat(definedConsumer("exchange-audit")).isEqualTo("direct:record-exchange");
    }

    @Test
    void aRouteWithoutAKeyIsRecordedWithoutOne() {
        clearInvocations(log);

        Exchange exchange = producer.send("direct:exchange-audit", e -> {
            e.getMessage().setHeader("sourceRoute", "invoice-commands");
            e.getMessage().setBody("accepted:INV-2");
        });

        verify(log).record("invoice-commands", exchange.getExchangeId(), null, "accepted:INV-2");
    }

    @Test
    void aFailedRecordFailsTheTapOnly() {
        doThrow(new IllegalStateException("database down")).when(log).record(any(), any(), any(), any());

        Exchange exchange = producer.send("direct:exchange-audit", e -> e.getMessage().setBody("x"));

        assertThat(exchange.getException()).isInstanceOf(IllegalStateException.class).hasMessage("database down");
    }
}
