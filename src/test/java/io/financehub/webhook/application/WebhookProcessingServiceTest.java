package io.financehub.webhook.application;

import io.financehub.webhook.application.WebhookEventStore.StoredWebhookEvent;
import io.financehub.webhook.application.WebhookSource.Applied;
import io.financehub.webhook.domain.WebhookEventStatus;
import io.financehub.webhook.domain.WebhookProvider;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class WebhookProcessingServiceTest {

    static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    static final StoredWebhookEvent EVENT = new StoredWebhookEvent(WebhookProvider.TWILIO, "SM1:delivered",
            "message.delivered", "MessageSid=SM1&MessageStatus=delivered", "INV-STORED", WebhookEventStatus.RECEIVED);

    final WebhookSource twilio = mock(WebhookSource.class);
    final WebhookEventStore store = mock(WebhookEventStore.class);
    final WebhookProcessingService service;

    WebhookProcessingServiceTest() {
        when(twilio.provider()).thenReturn(WebhookProvider.TWILIO);
        service = new WebhookProcessingService(List.of(twilio), store, Clock.fixed(NOW, ZoneOffset.UTC));
        when(store.find(WebhookProvider.TWILIO, "SM1:delivered")).thenReturn(Optional.of(EVENT));
        when(store.recordOutcome(any(), any(), any(), any(), any(), any())).thenReturn(true);
    }

    @Test
    void theProvidersSourceAppliesTheStoredEventAndItsOutcomeIsRecorded() {
        when(twilio.apply(EVENT)).thenReturn(new Applied(WebhookEventStatus.PROCESSED, "INV-1"));

        assertThat(service.process("twilio", "SM1:delivered")).isEqualTo(WebhookEventStatus.PROCESSED);
        verify(store).countAttempt(WebhookProvider.TWILIO, "SM1:delivered");
        verify(store).recordOutcome(WebhookProvider.TWILIO, "SM1:delivered", WebhookEventStatus.PROCESSED, "INV-1",
                null, NOW);
    }

    @Test
    void anEventThatIsNotStoredIsDropped() {
        assertThat(service.process("twilio", "SM9:sent")).isNull();
        assertThat(service.process("nobody", "SM1:delivered")).isNull();
        verify(twilio, never()).apply(any());
    }

    @Test
    void aPayloadThatCanNeverBeAppliedIsKeptFailedWithoutARedelivery() {
        when(twilio.apply(EVENT)).thenThrow(new MalformedWebhookException("the callback has no valid MessageSid"));

        assertThat(service.process("twilio", "SM1:delivered")).isEqualTo(WebhookEventStatus.FAILED);
        verify(store).recordOutcome(WebhookProvider.TWILIO, "SM1:delivered", WebhookEventStatus.FAILED, "INV-STORED",
                "the callback has no valid MessageSid", null);
    }

    @Test
    void anUnexpectedFailureIsRecordedAndRethrownForTheBrokerToRedeliver() {
        when(twilio.apply(EVENT)).thenThrow(new IllegalStateException("database down"));

        assertThatThrownBy(() -> service.process("twilio", "SM1:delivered")).hasMessage("database down");
        verify(store).recordOutcome(WebhookProvider.TWILIO, "SM1:delivered", WebhookEventStatus.FAILED, "INV-STORED",
                "IllegalStateException: database down", null);
    }

    @Test
    void anOutcomeAnotherCopyOvertookAnswersTheStatusTheEventIsIn() {
        when(twilio.apply(EVENT)).thenReturn(new Applied(WebhookEventStatus.UNMATCHED, null));
        when(store.recordOutcome(eq(WebhookProvider.TWILIO), anyString(), eq(WebhookEventStatus.UNMATCHED), isNull(),
                isNull(), any())).thenReturn(false);
        when(store.find(WebhookProvider.TWILIO, "SM1:delivered")).thenReturn(Optional.of(EVENT),
                Optional.of(new StoredWebhookEvent(WebhookProvider.TWILIO, "SM1:delivered", "message.delivered",
                        EVENT.payload(), "INV-1", WebhookEventStatus.PROCESSED)));

        assertThat(service.process("twilio", "SM1:delivered")).isEqualTo(WebhookEventStatus.PROCESSED);
    }
}
