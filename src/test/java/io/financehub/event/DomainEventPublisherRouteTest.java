package io.financehub.event;

import io.financehub.event.application.DomainEventPublisher;
import io.financehub.event.application.OutboundEvent;
import io.financehub.support.RouteTestBase;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.AdviceWithRouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.util.function.ThrowingConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The {@code domain-event-publisher} route: each tick claims a batch, sends every event to the {@code hub.events}
 * topic as its JSON body with the string properties {@code eventType}, {@code eventId} and {@code invoiceId}, and
 * marks it published only after the send; an event the broker refused stays unmarked (sent again after its lease).
 */
@TestPropertySource(properties = "camel.main.routes-include-pattern=file:routes/domain-event-publisher.camel.yaml")
class DomainEventPublisherRouteTest extends RouteTestBase {

    static final OutboundEvent ISSUED = new OutboundEvent("e-1", "invoice.issued", "INV-1",
            "{\"eventId\":\"e-1\",\"eventType\":\"invoice.issued\",\"invoiceId\":\"INV-1\","
                    + "\"occurredAt\":\"2026-06-01T12:00:00Z\",\"data\":{\"amountMinor\":100}}");
    static final OutboundEvent PAID = new OutboundEvent("e-2", "payment.succeeded", "INV-2",
            "{\"eventId\":\"e-2\",\"eventType\":\"payment.succeeded\",\"invoiceId\":\"INV-2\","
                    + "\"occurredAt\":\"2026-06-01T12:00:01Z\",\"data\":{}}");

    @MockitoBean(name = "domainEventPublisher")
    DomainEventPublisher publisher;

    @Override
    protected Map<String, ThrowingConsumer<AdviceWithRouteBuilder, Exception>> advice() {
        return Map.of("domain-event-publisher", a -> { });
    }

    @Test
    void eachClaimedEventIsSentWithItsBodyAndPropertiesThenMarked() throws Exception {
        clearInvocations(publisher);
        doReturn(List.of(ISSUED, PAID)).when(publisher).claimBatch();
        MockEndpoint topic = mock("jms:topic:hub.events");
        topic.expectedBodiesReceived(ISSUED.json(), PAID.json());

        producer.sendBody("direct:domain-event-publisher", null);

        topic.assertIsSatisfied(5_000);
        Message first = topic.getReceivedExchanges().get(0).getMessage();
        assertThat(first.getHeader("eventType")).isEqualTo("invoice.issued");
        assertThat(first.getHeader("eventId")).isEqualTo("e-1");
        assertThat(first.getHeader("invoiceId")).isEqualTo("INV-1");
        assertThat(first.getBody()).isInstanceOf(String.class);
        Message second = topic.getReceivedExchanges().get(1).getMessage();
        assertThat(second.getHeaders()).containsEntry("eventType", "payment.succeeded").containsEntry("eventId", "e-2")
                .containsEntry("invoiceId", "INV-2");
        verify(publisher).markPublished("e-1");
        verify(publisher).markPublished("e-2");
        assertThat(definedConsumer("domain-event-publisher"))
                .isEqualTo("timer:domain-event-publisher?delay=2000&period=500");
    }

    @Test
    void anEventTheBrokerRefusedIsNotMarkedAndTheOthersStillAre() throws Exception {
        clearInvocations(publisher);
        doReturn(List.of(ISSUED, PAID)).when(publisher).claimBatch();
        MockEndpoint topic = mock("jms:topic:hub.events");
        topic.whenExchangeReceived(1, e -> {
            throw new IllegalStateException("broker unreachable");
        });

        Exchange tick = producer.send("direct:domain-event-publisher", e -> { });

        assertThat(tick.getException()).isNotNull();
        verify(publisher, never()).markPublished("e-1");
        verify(publisher).markPublished("e-2");
    }

    @Test
    void aFailingClaimFailsThatTickOnlyAndSendsNothing() throws Exception {
        clearInvocations(publisher);
        doThrow(new IllegalStateException("database down")).when(publisher).claimBatch();
        MockEndpoint topic = mock("jms:topic:hub.events");
        topic.expectedMessageCount(0);

        Exchange tick = producer.send("direct:domain-event-publisher", e -> { });

        assertThat(tick.getException()).isInstanceOf(IllegalStateException.class);
        topic.assertIsSatisfied();
        verify(publisher, never()).markPublished(anyString());
    }
}
