package io.financehub.invoice;

import io.financehub.invoice.adapter.InvoiceCommandListener;
import io.financehub.invoice.adapter.RejectedCommandException;
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
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;

/**
 * The {@code invoice-commands} route with the shared error handling: each command is handed to the
 * {@code invoiceCommandListener} and audited; a command that can never succeed goes to
 * {@code hub.invoice.commands.rejected} with its reason (handled: the message is consumed); any other failure fails
 * the exchange, so the broker redelivers it.
 */
@TestPropertySource(properties = "camel.main.routes-include-pattern=file:routes/error-handling.camel.yaml,"
        + "file:routes/invoice-commands.camel.yaml")
class InvoiceCommandsRouteTest extends RouteTestBase {

    private static final String COMMAND = "{\"invoiceId\":\"INV-1\"}";

    @MockitoBean(name = "invoiceCommandListener")
    InvoiceCommandListener listener;

    @Override
    protected Map<String, ThrowingConsumer<AdviceWithRouteBuilder, Exception>> advice() {
        return Map.of("invoice-commands", a -> { });
    }

    @Test
    void aCommandIsHandedToTheListenerAndAudited() throws Exception {
        clearInvocations(listener);
        doReturn("accepted:INV-1").when(listener).handle(COMMAND, "IssueInvoice");
        MockEndpoint audit = mock("mock:record-exchange");
        audit.expectedBodiesReceived("accepted:INV-1");
        audit.expectedHeaderReceived("sourceRoute", "invoice-commands");

        producer.sendBodyAndHeader("direct:invoice-commands", COMMAND, "command", "IssueInvoice");

        audit.assertIsSatisfied(5_000);
        verify(listener).handle(COMMAND, "IssueInvoice");
        assertThat(definedConsumer("invoice-commands")).startsWith("jms:queue:hub.invoice.commands?")
                .contains("transacted=true", "concurrentConsumers=2");
    }

    @Test
    void aCommandThatCanNeverSucceedIsMovedAsideWithItsReason() throws Exception {
        doThrow(new RejectedCommandException("validation_failed: currency is required")).when(listener)
                .handle(any(), any());
        MockEndpoint rejected = endpoint(MockEndpoint.class, "queue:hub.invoice.commands.rejected");
        rejected.expectedBodiesReceived(COMMAND);
        rejected.expectedHeaderReceived("rejectReason", "validation_failed: currency is required");

        Exchange exchange = producer.send("direct:invoice-commands", e -> {
            e.getMessage().setBody(COMMAND);
            e.getMessage().setHeader("command", "IssueInvoice");
        });

        rejected.assertIsSatisfied(5_000);
        assertThat(exchange.getException()).as("handled: the broker does not redeliver it").isNull();
        // sent with an expiry (HUB_RETENTION_REJECTED_COMMANDS, 14 days by default): nobody consumes the queue
        assertThat(rejected.getEndpointUri()).contains("explicitQosEnabled=true", "timeToLive=1209600000");
    }

    @Test
    void anyOtherFailureFailsTheExchangeSoTheBrokerRedeliversIt() throws Exception {
        doThrow(new IllegalStateException("database down")).when(listener).handle(any(), any());
        MockEndpoint rejected = endpoint(MockEndpoint.class, "queue:hub.invoice.commands.rejected");
        rejected.expectedMessageCount(0);

        Exchange exchange = producer.send("direct:invoice-commands", e -> e.getMessage().setBody(COMMAND));

        assertThat(exchange.getException()).isInstanceOf(IllegalStateException.class).hasMessage("database down");
        rejected.assertIsSatisfied();
    }
}
