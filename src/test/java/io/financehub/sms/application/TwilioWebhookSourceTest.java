package io.financehub.sms.application;

import io.financehub.webhook.application.WebhookEventStore.StoredWebhookEvent;
import io.financehub.webhook.application.WebhookSource.Applied;
import io.financehub.webhook.application.WebhookVerifier;
import io.financehub.webhook.domain.WebhookEventStatus;
import io.financehub.webhook.domain.WebhookProvider;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class TwilioWebhookSourceTest {

    static final String PAYLOAD = "MessageSid=SM1&MessageStatus=delivered";

    final SmsStatusCallbackReader callbacks = mock(SmsStatusCallbackReader.class);
    final SmsDeliveryService deliveries = mock(SmsDeliveryService.class);
    final SmsMessageDirectory messages = mock(SmsMessageDirectory.class);
    final TwilioWebhookSource source = new TwilioWebhookSource(mock(WebhookVerifier.class), callbacks, deliveries,
            messages);

    @Test
    void aCallbackMovesItsMessageAndIsRecordedAgainstTheMessagesInvoice() {
        when(callbacks.callback(PAYLOAD)).thenReturn(new SmsStatusCallback("SM1", "delivered"));
        when(deliveries.apply("SM1", "delivered")).thenReturn(WebhookEventStatus.PROCESSED);
        when(messages.invoiceIdOf("SM1")).thenReturn(Optional.of("INV-1"));

        assertThat(source.provider()).isEqualTo(WebhookProvider.TWILIO);
        assertThat(source.apply(stored(null))).isEqualTo(new Applied(WebhookEventStatus.PROCESSED, "INV-1"));
    }

    @Test
    void aCallbackForAnUnknownMessageKeepsTheStoredInvoice() {
        when(callbacks.callback(PAYLOAD)).thenReturn(new SmsStatusCallback("SM1", "delivered"));
        when(deliveries.apply("SM1", "delivered")).thenReturn(WebhookEventStatus.UNMATCHED);
        when(messages.invoiceIdOf("SM1")).thenReturn(Optional.empty());

        assertThat(source.apply(stored("INV-STORED")))
                .isEqualTo(new Applied(WebhookEventStatus.UNMATCHED, "INV-STORED"));
    }

    private static StoredWebhookEvent stored(String invoiceId) {
        return new StoredWebhookEvent(WebhookProvider.TWILIO, "SM1:delivered", "message.delivered", PAYLOAD,
                invoiceId, WebhookEventStatus.RECEIVED);
    }
}
