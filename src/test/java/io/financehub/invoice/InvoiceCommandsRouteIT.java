package io.financehub.invoice;

import io.financehub.support.HubClient;
import io.financehub.support.HubIntegrationBase;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code invoice-commands} route on its own: fed from a direct endpoint instead of the queue, with the rejected
 * queue watched by a mock, so what the shared error handling does is visible message by message.
 */
@CamelSpringBootTest
@UseAdviceWith
// a context of its own: @UseAdviceWith is not part of Spring's context cache key, so without a distinct property
// this class could be handed an already started context; and nobody else may reuse the advised one
@TestPropertySource(properties = "hub.test.context=advised-invoice-commands")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class InvoiceCommandsRouteIT extends HubIntegrationBase {

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate producer;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void adviseOnce() throws Exception {
        if (camel.isStarted()) {
            MockEndpoint.resetMocks(camel);
            return;
        }
        AdviceWith.adviceWith(camel, "invoice-commands", route -> route.replaceFromWith("direct:invoice-commands"));
        // the rejection is sent by the shared error handling, outside the route: watch the real queue instead
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("jms:queue:hub.invoice.commands.rejected").routeId("test-rejected-queue-watch").to("mock:rejected");
            }
        });
        camel.start();
    }

    @Test
    void aValidCommandIssuesTheInvoiceAndIsAudited() {
        String id = "INV-RT-" + UUID.randomUUID().toString().substring(0, 8);
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute("invoice-commands").whenCompleted(1).create();

        Object answer = producer.requestBodyAndHeader("direct:invoice-commands",
                HubClient.invoiceJson(id, "EUR", 4200, null), "command", "IssueInvoice");

        assertThat(done.matches(10, TimeUnit.SECONDS)).isTrue();
        assertThat(answer).isEqualTo("accepted:" + id);
        assertThat(jdbc.queryForObject("SELECT currency FROM invoices WHERE invoice_id = ?", String.class, id))
                .isEqualTo("EUR");
        assertThat(jdbc.queryForObject("SELECT outcome FROM inbound_commands WHERE invoice_id = ? AND channel = 'jms'",
                String.class, id)).isEqualTo("accepted");
    }

    @Test
    void commandsThatCanNeverSucceedAreMovedAsideWithAReason() throws Exception {
        String id = "INV-RT-" + UUID.randomUUID().toString().substring(0, 8);
        producer.sendBodyAndHeader("direct:invoice-commands", HubClient.invoiceJson(id, "USD", 100, null),
                "command", "IssueInvoice");
        MockEndpoint rejected = camel.getEndpoint("mock:rejected", MockEndpoint.class);
        rejected.expectedMessageCount(4);

        producer.sendBodyAndHeader("direct:invoice-commands", "{not json", "command", "IssueInvoice");
        producer.sendBodyAndHeader("direct:invoice-commands", HubClient.invoiceJson(id, "USD", 100, null),
                "command", "CancelInvoice");
        producer.sendBodyAndHeaders("direct:invoice-commands", "{\"invoiceId\":\"bad id\",\"currency\":\"USD\"}",
                Map.of("command", "IssueInvoice"));
        producer.sendBodyAndHeader("direct:invoice-commands", HubClient.invoiceJson(id, "USD", 999, null),
                "command", "IssueInvoice");

        rejected.assertIsSatisfied(10_000);
        assertThat(rejected.getExchanges()).extracting(e -> e.getMessage().getHeader("rejectReason", String.class))
                .satisfiesExactly(
                        r -> assertThat(r).startsWith("malformed_payload"),
                        r -> assertThat(r).contains("unsupported command"),
                        r -> assertThat(r).startsWith("validation_failed").contains("invoiceId", "amountMinor"),
                        r -> assertThat(r).startsWith("idempotency_conflict"));
        assertThat(rejected.getExchanges().get(3).getMessage().getBody(String.class)).contains("\"amountMinor\":999");
    }
}
