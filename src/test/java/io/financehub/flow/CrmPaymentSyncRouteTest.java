package io.financehub.flow;

import io.financehub.flow.adapter.FlowSideEffects;
import io.financehub.support.RouteTestBase;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWithRouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.util.function.ThrowingConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;

/**
 * The worked example {@code crm-payment-sync.camel.yaml}: the subscription it declares, what it hands the
 * {@code hub-side-effect} kamelet (key, endpoint, policy, header, body), and the CRM call route with its timeouts.
 */
@TestPropertySource(properties = {
        "camel.main.routes-include-pattern=file:routes/error-handling.camel.yaml,file:routes/crm-payment-sync.camel.yaml",
        "hub.crm.url=http://crm.test/payments", "hub.crm.response-timeout=1500"})
class CrmPaymentSyncRouteTest extends RouteTestBase {

    static final String EVENT = "{\"eventId\":\"evt_1\",\"eventType\":\"payment.succeeded\",\"invoiceId\":\"INV-7\","
            + "\"occurredAt\":\"2026-01-01T00:00:00Z\",\"data\":{}}";

    @MockitoBean(name = "flowSideEffects")
    FlowSideEffects flowSideEffects;

    @Override
    protected Map<String, ThrowingConsumer<AdviceWithRouteBuilder, Exception>> advice() {
        return Map.of("crm-payment-sync", a -> { },
                "crm-post-payment", a -> a.weaveByType(ToDefinition.class).replace().to("mock:crm"));
    }

    @Test
    void subscribesDurablyAndSharedToPaymentSucceededOnTheEventTopic() {
        assertThat(definedConsumer("crm-payment-sync")).startsWith("jms:topic:hub.events?")
                .contains("subscriptionDurable=true", "subscriptionShared=true", "subscriptionName=crm-payment-sync",
                        "transacted=true")
                .containsAnyOf("selector=eventType = 'payment.succeeded'", "selector=eventType+%3D+%27payment"
                        + ".succeeded%27", "selector=eventType%20=%20'payment.succeeded'");
    }

    @Test
    void handsTheEventToTheExactlyOnceStepUnderTheInvoicesKey() throws Exception {
        List<Map<String, Object>> requests = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        doAnswer(call -> {
            Exchange exchange = call.getArgument(0);
            requests.add(Map.copyOf(exchange.getMessage().getHeaders()));
            bodies.add(exchange.getMessage().getBody(String.class));
            return null;
        }).when(flowSideEffects).request(any(Exchange.class));
        MockEndpoint audit = mock("mock:record-exchange");
        audit.expectedMessageCount(1);

        producer.sendBodyAndHeader("direct:crm-payment-sync", EVENT, "invoiceId", "INV-7");

        audit.assertIsSatisfied(5_000);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0)).containsEntry("HubSideEffectKey", "INV-7:crm-payment-sync")
                .containsEntry("HubSideEffectUri", "direct:crm-post-payment")
                .containsEntry("HubSideEffectUnknownOutcome", "retry-same-key")
                .containsEntry("HubSideEffectIdempotencyKeyHeader", "Idempotency-Key")
                .containsEntry("Content-Type", "application/json");
        assertThat(bodies).containsExactly(EVENT);
    }

    @Test
    void aRefusedRequestFailsTheExchangeSoTheBrokerRedeliversAndFinallyDeadLettersIt() throws Exception {
        doThrow(new IllegalStateException("database down")).when(flowSideEffects).request(any(Exchange.class));
        MockEndpoint audit = mock("mock:record-exchange");
        audit.expectedMessageCount(0);

        Exchange exchange = producer.send("direct:crm-payment-sync", e -> {
            e.getMessage().setBody(EVENT);
            e.getMessage().setHeader("invoiceId", "INV-8");
        });

        assertThat(exchange.getException()).isInstanceOf(IllegalStateException.class);
        audit.assertIsSatisfied();
    }

    @Test
    void postsTheBodyToTheCrmWithItsTimeouts() throws Exception {
        MockEndpoint crm = mock("mock:crm");
        crm.expectedBodiesReceived(EVENT);
        crm.expectedHeaderReceived("CamelHttpMethod", "POST");
        crm.expectedHeaderReceived("Idempotency-Key", "INV-7:crm-payment-sync");

        producer.sendBodyAndHeader("direct:crm-post-payment", EVENT, "Idempotency-Key", "INV-7:crm-payment-sync");

        crm.assertIsSatisfied(5_000);
    }

    @Test
    void aCrmFailureGoesBackToTheCallerUnhandledForTheExecutorToClassify() {
        mock("mock:crm").whenAnyExchangeReceived(e -> {
            throw new SocketTimeoutException("Read timed out");
        });

        Exchange exchange = producer.send("direct:crm-post-payment", e -> e.getMessage().setBody(EVENT));

        assertThat(exchange.getException()).isInstanceOf(SocketTimeoutException.class);
        assertThat(exchange.getProperty(Exchange.FAILURE_HANDLED)).isNull();
    }

    @Test
    void theCrmEndpointIsTheConfiguredUrlWithItsTimeoutsOnTheUri() throws Exception {
        String declared = Files.readString(Path.of("routes/crm-payment-sync.camel.yaml"));
        assertThat(declared).contains("uri: \"{{hub.crm.url}}\"",
                "connectTimeout: \"{{hub.crm.connect-timeout:2000}}\"",
                "responseTimeout: \"{{hub.crm.response-timeout:5000}}\"");
        assertThat(camel.resolvePropertyPlaceholders("{{hub.crm.url}}?responseTimeout={{hub.crm.response-timeout:5000}}"))
                .isEqualTo("http://crm.test/payments?responseTimeout=1500");
    }
}
