package io.financehub.webhook;

import io.financehub.application.port.in.PaymentEventUseCase;
import io.financehub.domain.model.PaymentEvent;
import io.financehub.support.WebhookSigner;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * Processing throws once after the event is stored and acknowledged (as a database outage would): the broker
 * redelivers, and the event's effect is applied once. Its own application context, closed afterwards, because the
 * payment use case is wrapped in a spy here.
 */
@DirtiesContext
class WebhookProcessingFailureIT extends WebhookIntegrationTest {

    @MockitoSpyBean
    PaymentEventUseCase payments;

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
}
