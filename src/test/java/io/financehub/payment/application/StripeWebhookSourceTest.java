package io.financehub.payment.application;

import io.financehub.invoice.application.InvoiceRepository;
import io.financehub.invoice.domain.Invoice;
import io.financehub.payment.domain.PaymentEvent;
import io.financehub.webhook.application.MalformedWebhookException;
import io.financehub.webhook.application.WebhookEventStore.StoredWebhookEvent;
import io.financehub.webhook.application.WebhookSource.Applied;
import io.financehub.webhook.application.WebhookVerifier;
import io.financehub.webhook.domain.WebhookEventStatus;
import io.financehub.webhook.domain.WebhookProvider;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class StripeWebhookSourceTest {

    static final String PAYLOAD = "{\"id\":\"evt_1\"}";
    static final StoredWebhookEvent STORED = new StoredWebhookEvent(WebhookProvider.STRIPE, "evt_1",
            "payment_intent.succeeded", PAYLOAD, "INV-STORED", WebhookEventStatus.RECEIVED);

    final StripeEventReader events = mock(StripeEventReader.class);
    final PaymentEventService payments = mock(PaymentEventService.class);
    final InvoiceRepository invoices = mock(InvoiceRepository.class);
    final StripeWebhookSource source = new StripeWebhookSource(mock(WebhookVerifier.class), events, payments,
            invoices);

    @Test
    void aTypeTheHubDoesNotHandleIsIgnoredUnderItsStoredInvoice() {
        when(events.paymentEvent(PAYLOAD)).thenReturn(Optional.empty());

        assertThat(source.apply(STORED)).isEqualTo(new Applied(WebhookEventStatus.IGNORED, "INV-STORED"));
        verifyNoInteractions(payments);
    }

    @Test
    void anAppliedPaymentIsRecordedAgainstTheInvoiceItNamesOrElseItsPaymentIntentsInvoice() {
        PaymentEvent byMetadata = paymentEvent("INV-1", "pi_1");
        when(events.paymentEvent(PAYLOAD)).thenReturn(Optional.of(byMetadata));
        when(payments.apply(byMetadata)).thenReturn(WebhookEventStatus.PROCESSED);
        when(invoices.find("INV-1")).thenReturn(Optional.of(invoice("INV-1")));
        assertThat(source.apply(STORED)).isEqualTo(new Applied(WebhookEventStatus.PROCESSED, "INV-1"));

        PaymentEvent byIntent = paymentEvent("INV-UNKNOWN", "pi_2");
        when(events.paymentEvent(PAYLOAD)).thenReturn(Optional.of(byIntent));
        when(payments.apply(byIntent)).thenReturn(WebhookEventStatus.PROCESSED);
        when(invoices.find("INV-UNKNOWN")).thenReturn(Optional.empty());
        when(invoices.findByPaymentIntent("pi_2")).thenReturn(Optional.of(invoice("INV-2")));
        assertThat(source.apply(STORED)).isEqualTo(new Applied(WebhookEventStatus.PROCESSED, "INV-2"));
    }

    @Test
    void anUnmatchedPaymentKeepsTheStoredInvoiceWithoutLookingFurther() {
        PaymentEvent early = paymentEvent("INV-LATER", "pi_3");
        when(events.paymentEvent(PAYLOAD)).thenReturn(Optional.of(early));
        when(payments.apply(early)).thenReturn(WebhookEventStatus.UNMATCHED);

        assertThat(source.apply(STORED)).isEqualTo(new Applied(WebhookEventStatus.UNMATCHED, "INV-STORED"));
        verifyNoInteractions(invoices);
    }

    @Test
    void aPaymentTheHubCannotReadIsMalformed() {
        when(events.paymentEvent(any())).thenThrow(new MalformedWebhookException("no amount_refunded"));

        assertThatThrownBy(() -> source.apply(STORED)).isInstanceOf(MalformedWebhookException.class);
        verifyNoInteractions(payments);
    }

    private static PaymentEvent paymentEvent(String invoiceId, String paymentIntentId) {
        return new PaymentEvent("evt_1", PaymentEvent.Type.PAYMENT_SUCCEEDED, invoiceId, paymentIntentId, 0);
    }

    private static Invoice invoice(String invoiceId) {
        return new Invoice(invoiceId, null, null, null, null, null, null);
    }
}
