package io.financehub.sideeffect;

import io.financehub.sideeffect.adapter.BrokerDeadLetterListener;
import io.financehub.support.RouteTestBase;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWithRouteBuilder;
import org.apache.camel.util.function.ThrowingConsumer;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;

/**
 * The {@code dead-letter-recorder} route: every message on the dead-letter queue is handed to the
 * {@code brokerDeadLetterListener}; when it cannot be recorded the exchange fails, so the broker keeps the message
 * and delivers it again (the dead-letter queue itself never dead-letters).
 */
@TestPropertySource(properties = "camel.main.routes-include-pattern=file:routes/dead-letter-recorder.camel.yaml")
class DeadLetterRecorderRouteTest extends RouteTestBase {

    @MockitoBean(name = "brokerDeadLetterListener")
    BrokerDeadLetterListener listener;

    @Override
    protected Map<String, ThrowingConsumer<AdviceWithRouteBuilder, Exception>> advice() {
        return Map.of("dead-letter-recorder", a -> { });
    }

    @Test
    void everyDeadLetteredMessageIsRecorded() {
        clearInvocations(listener);
        doNothing().when(listener).record(any());

        producer.sendBodyAndHeader("direct:dead-letter-recorder", "{\"invoiceId\":\"INV-1\"}", "_AMQ_ORIG_QUEUE",
                "hub.invoice.commands");

        ArgumentCaptor<Exchange> recorded = ArgumentCaptor.forClass(Exchange.class);
        verify(listener).record(recorded.capture());
        assertThat(recorded.getValue().getMessage().getBody(String.class)).isEqualTo("{\"invoiceId\":\"INV-1\"}");
        assertThat(recorded.getValue().getMessage().getHeader("_AMQ_ORIG_QUEUE")).isEqualTo("hub.invoice.commands");
        assertThat(definedConsumer("dead-letter-recorder")).isEqualTo("jms:queue:hub.dead-letters?transacted=true");
    }

    @Test
    void aMessageThatCannotBeRecordedFailsSoTheBrokerKeepsIt() {
        doThrow(new IllegalStateException("database down")).when(listener).record(any());

        Exchange exchange = producer.send("direct:dead-letter-recorder", e -> e.getMessage().setBody("x"));

        assertThat(exchange.getException()).isInstanceOf(IllegalStateException.class).hasMessage("database down");
    }
}
