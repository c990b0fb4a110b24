package io.financehub.webhook;

import io.financehub.webhook.application.WebhookProcessingService;
import io.financehub.webhook.domain.WebhookEventStatus;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockComponent;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A webhook processing route ({@code routes/<provider>-webhooks.yaml}) on its own, with the shared error handling:
 * Camel alone, the queue replaced by a direct endpoint, the processor a mock, the duplicate filter in memory and
 * the audit's wire tap watched by a mock. Shows the route's duplicate filter, its call of the processor and what a
 * failing run leaves behind (nothing that would stop the broker's redelivery from running it again).
 */
@CamelSpringBootTest
@UseAdviceWith
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class WebhookProcessorRouteTestBase {

    @MockitoBean(name = "webhookEventProcessor")
    WebhookProcessingService processor;

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate producer;

    @Autowired
    MemoryIdempotentRepository webhookMessageIds;

    /** The route's id, as in its YAML file. */
    abstract String routeId();

    /** The provider name the route passes to the processor and puts before the key. */
    abstract String provider();

    /** An event id as the provider's messages carry it. */
    abstract String eventId();

    String input() {
        return "direct:" + routeId();
    }

    @BeforeEach
    void adviseOnce() throws Exception {
        if (camel.isStarted()) {
            MockEndpoint.resetMocks(camel);
            webhookMessageIds.clear();
            return;
        }
        AdviceWith.adviceWith(camel, routeId(), route -> route.replaceFromWith(input()));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:record-exchange").routeId("test-exchange-audit").to("mock:audit");
            }
        });
        camel.start();
    }

    @Test
    void eachMessageCallsTheProcessorWithItsProviderAndEventIdAndIsAudited() throws Exception {
        when(processor.process(provider(), eventId())).thenReturn(WebhookEventStatus.PROCESSED);
        MockEndpoint audit = camel.getEndpoint("mock:audit", MockEndpoint.class);
        audit.expectedMessageCount(1);
        audit.expectedHeaderReceived("sourceRoute", routeId());
        audit.expectedHeaderReceived("idempotencyKey", provider() + ":" + eventId());

        Exchange done = producer.send(input(), e -> e.getMessage().setBody(eventId()));

        assertThat(done.getException()).isNull();
        verify(processor).process(provider(), eventId());
        audit.assertIsSatisfied(5_000);
        assertThat(webhookMessageIds.contains(provider() + ":" + eventId())).isTrue();
    }

    @Test
    void aSecondMessageForACompletedEventIsSkipped() throws Exception {
        when(processor.process(provider(), eventId())).thenReturn(WebhookEventStatus.PROCESSED);
        MockEndpoint audit = camel.getEndpoint("mock:audit", MockEndpoint.class);
        audit.expectedMessageCount(2);

        producer.sendBody(input(), eventId());
        Exchange second = producer.send(input(), e -> e.getMessage().setBody(eventId()));

        assertThat(second.getException()).isNull();
        assertThat(second.getProperty(Exchange.DUPLICATE_MESSAGE, Boolean.class)).isTrue();
        verify(processor, times(1)).process(provider(), eventId());
        audit.assertIsSatisfied(5_000);
    }

    @Test
    void aFailedRunFailsTheMessageAndLeavesItsKeyFreeSoTheRedeliveryRunsAgain() throws Exception {
        when(processor.process(provider(), eventId())).thenThrow(new IllegalStateException("database down"))
                .thenReturn(WebhookEventStatus.PROCESSED);
        MockEndpoint audit = camel.getEndpoint("mock:audit", MockEndpoint.class);
        audit.expectedMessageCount(1);

        Exchange failed = producer.send(input(), e -> e.getMessage().setBody(eventId()));

        // not handled: the transacted JMS consumer rolls back and the broker redelivers
        assertThat(failed.getException()).isInstanceOf(IllegalStateException.class).hasMessage("database down");
        assertThat(webhookMessageIds.contains(provider() + ":" + eventId())).isFalse();

        Exchange redelivered = producer.send(input(), e -> e.getMessage().setBody(eventId()));

        assertThat(redelivered.getException()).isNull();
        verify(processor, times(2)).process(provider(), eventId());
        assertThat(webhookMessageIds.contains(provider() + ":" + eventId())).isTrue();
        audit.assertIsSatisfied(5_000);
    }

    /**
     * Camel with the YAML routes named by {@code camel.main.routes-include-pattern}; {@code jms:} endpoints (the
     * error handling's rejected queue) are mocks, so no broker is needed.
     */
    @Configuration
    @ImportAutoConfiguration(CamelAutoConfiguration.class)
    static class RouteOnly {

        @Bean("jms")
        MockComponent jms() {
            return new MockComponent();
        }

        /** Started and stopped by the route that uses it, not by Spring. */
        @Bean(destroyMethod = "")
        MemoryIdempotentRepository webhookMessageIds() {
            return new MemoryIdempotentRepository();
        }
    }
}
