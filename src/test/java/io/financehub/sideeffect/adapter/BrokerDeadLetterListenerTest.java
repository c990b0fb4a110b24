package io.financehub.sideeffect.adapter;

import io.financehub.sideeffect.application.DeadLetterAdministration;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a message dead-lettered by Artemis becomes in {@code dead_letters}. */
class BrokerDeadLetterListenerTest {

    private final List<Object[]> recorded = new ArrayList<>();
    private final BrokerDeadLetterListener listener = new BrokerDeadLetterListener(new Recorder(), 6);

    @Test
    void messageThatFailedEveryDeliveryIsRecordedWithTheBrokersAttemptLimit() {
        Exchange exchange = exchange(Map.of("_AMQ_ORIG_QUEUE", "hub.invoice.commands", "JMSXDeliveryCount", 1,
                "JMSMessageID", "ID:1", "command", "IssueInvoice", "CamelJmsDestination", "x"));

        listener.record(exchange);

        Object[] row = recorded.get(0);
        assertThat(row[0]).isEqualTo("hub.invoice.commands");
        assertThat((String) row[1]).contains("6 failed delivery attempts");
        assertThat(row[2]).isEqualTo("ID:1");
        assertThat(row[3]).isEqualTo("{\"invoiceId\":\"INV-1\"}");
        // the dead-lettered copy's own delivery count (1) says nothing about the original's attempts
        assertThat(row[5]).isEqualTo(6);
        // only the sender's own properties are kept, for a faithful retry
        assertThat(row[4]).isEqualTo(Map.of("command", "IssueInvoice"));
    }

    @Test
    void expiredMessageIsRecordedAsExpiredWithoutAttempts() {
        listener.record(exchange(Map.of("_AMQ_ORIG_ADDRESS", "hub.side-effects.sms", "_AMQ_ACTUAL_EXPIRY", 1L)));

        Object[] row = recorded.get(0);
        assertThat(row[0]).isEqualTo("hub.side-effects.sms");
        assertThat((String) row[1]).contains("expired");
        assertThat(row[5]).isEqualTo(0);
    }

    @Test
    void anEventAFlowGaveUpOnIsRecordedUnderItsSubscriptionQueueSoARetryReachesThatFlowAlone() {
        listener.record(exchange(Map.of("_AMQ_ORIG_ADDRESS", "hub.events", "_AMQ_ORIG_QUEUE", "crm-payment-sync",
                "eventType", "payment.succeeded")));

        // the fully qualified queue name: a retry sent to the topic itself would reach every other flow again
        assertThat(recorded.get(0)[0]).isEqualTo("hub.events::crm-payment-sync");
    }

    private static Exchange exchange(Map<String, Object> headers) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody("{\"invoiceId\":\"INV-1\"}");
        exchange.getMessage().setHeaders(new java.util.HashMap<>(headers));
        return exchange;
    }

    private final class Recorder implements DeadLetterAdministration {
        @Override
        public RetryResult retry(long id, String operator) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void recordFromBroker(String queue, String reason, String messageId, String body,
                                     Map<String, String> headers, int attempts) {
            recorded.add(new Object[] {queue, reason, messageId, body, headers, attempts});
        }
    }
}
