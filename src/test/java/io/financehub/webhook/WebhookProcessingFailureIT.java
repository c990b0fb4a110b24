package io.financehub.webhook;

import io.financehub.application.port.in.PaymentEventUseCase;
import io.financehub.application.port.in.ProcessWebhookEventUseCase;
import io.financehub.application.port.out.StripeEventReader;
import io.financehub.application.port.out.WebhookEventStore;
import io.financehub.application.port.out.WebhookEventStore.NewWebhookEvent;
import io.financehub.domain.model.PaymentEvent;
import io.financehub.domain.model.WebhookEventStatus;
import io.financehub.domain.model.WebhookProvider;
import io.financehub.support.WebhookSigner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * Processing throws after the event is stored and acknowledged (as a database outage would): the broker
 * redelivers, and the event's effect is applied once; a copy that fails after another copy applied the event does
 * not undo it. Its own application context, closed afterwards, because the payment use case is wrapped in a spy
 * here.
 */
@DirtiesContext
class WebhookProcessingFailureIT extends WebhookIntegrationTest {

    @MockitoSpyBean
    PaymentEventUseCase payments;
    @Autowired
    ProcessWebhookEventUseCase processing;
    @Autowired
    WebhookEventStore store;
    @Autowired
    StripeEventReader reader;

    @Test
    void aProcessingFailureIsRedeliveredAndTheEventAppliedOnce() {
        String invoiceId = issueInvoice(6100, null);
        String eventId = unique("evt_throw_");
        doThrow(new IllegalStateException("simulated database outage")).doCallRealMethod().when(payments)
                .apply(argThat((PaymentEvent e) -> e != null && eventId.equals(e.eventId())));

        assertThat(postSignedStripe(WebhookSigner.stripeEvent(eventId, "payment_intent.succeeded",
                WebhookSigner.paymentIntent(paymentIntentOf(invoiceId), invoiceId, 6100))).body())
                .contains("\"status\":\"accepted\"");

        awaitEventStatus("stripe", eventId, "processed");
        verify(payments, times(2)).apply(argThat((PaymentEvent e) -> e != null && eventId.equals(e.eventId())));
        assertThat(eventRow("stripe", eventId)).containsEntry("attempts", 2).containsEntry("last_error", null);
        assertThat(invoiceStatus(invoiceId)).isEqualTo("PAID");
        assertThat(count("SELECT COUNT(*) FROM idempotency_keys WHERE invoice_id = ? AND action = 'post-payment'",
                invoiceId)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED WHERE messageId = ?", "stripe:" + eventId))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM dead_letters WHERE body = ?", eventId)).isZero();
    }

    @Test
    void aCopyThatFailsAfterAnotherCopyAppliedTheEventLeavesItProcessed() {
        String invoiceId = issueInvoice(6200, null);
        String eventId = unique("evt_race_");
        String payload = new String(WebhookSigner.stripeEvent(eventId, "payment_intent.succeeded",
                WebhookSigner.paymentIntent(paymentIntentOf(invoiceId), invoiceId, 6200)), StandardCharsets.UTF_8);
        // stored without a message: the two copies below are the only runs
        store.insertIfAbsent(new NewWebhookEvent(WebhookProvider.STRIPE, reader.envelope(payload), "0".repeat(64),
                payload, Instant.now()));
        AtomicInteger calls = new AtomicInteger();
        doAnswer(call -> {
            if (calls.incrementAndGet() == 1) {
                // copy B (this one) is slow; copy A, on another replica, runs meanwhile and applies the event
                assertThat(processing.process("stripe", eventId)).isEqualTo(WebhookEventStatus.PROCESSED);
                throw new IllegalStateException("copy B lost its database connection");
            }
            return call.callRealMethod();
        }).when(payments).apply(argThat((PaymentEvent e) -> e != null && eventId.equals(e.eventId())));

        assertThatThrownBy(() -> processing.process("stripe", eventId)).hasMessageContaining("copy B");

        assertThat(eventStatus("stripe", eventId)).isEqualTo("processed");
        assertThat(eventRow("stripe", eventId)).containsEntry("last_error", null).containsEntry("attempts", 2);
        assertThat(invoiceStatus(invoiceId)).isEqualTo("PAID");
        assertThat(count("SELECT COUNT(*) FROM idempotency_keys WHERE invoice_id = ? AND action = 'post-payment'",
                invoiceId)).isEqualTo(1);
    }
}
