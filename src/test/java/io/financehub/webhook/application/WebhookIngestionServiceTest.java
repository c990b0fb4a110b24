package io.financehub.webhook.application;

import io.financehub.webhook.application.WebhookEventStore.NewWebhookEvent;
import io.financehub.webhook.application.WebhookVerifier.Verification;
import io.financehub.webhook.domain.WebhookEventSource;
import io.financehub.webhook.domain.WebhookProvider;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class WebhookIngestionServiceTest {

    static final byte[] BODY = "{\"id\":\"evt_1\"}".getBytes(StandardCharsets.UTF_8);
    static final WebhookEnvelope ENVELOPE = new WebhookEnvelope("evt_1", "payment_intent.succeeded", "INV-1", "pi_1");

    final WebhookSource stripe = mock(WebhookSource.class);
    final WebhookEventStore store = mock(WebhookEventStore.class);
    final WebhookQueue queue = mock(WebhookQueue.class);
    final WebhookIngestionService service;

    WebhookIngestionServiceTest() {
        when(stripe.provider()).thenReturn(WebhookProvider.STRIPE);
        service = new WebhookIngestionService(List.of(stripe), store, queue,
                Clock.fixed(Instant.parse("2026-01-15T10:00:00.123456789Z"), ZoneOffset.UTC));
    }

    WebhookReceipt receive(byte[] body) {
        return service.receive(new WebhookDelivery(WebhookProvider.STRIPE, body, "sig", "/webhooks/stripe"));
    }

    @Test
    void storesTheRawPayloadWithItsHashThenQueuesIt() {
        when(stripe.verify(any())).thenReturn(Verification.AUTHENTIC);
        when(stripe.envelope("{\"id\":\"evt_1\"}")).thenReturn(ENVELOPE);
        when(store.insertIfAbsent(any())).thenReturn(true);

        assertThat(receive(BODY)).isEqualTo(new WebhookReceipt("evt_1", false));

        ArgumentCaptor<NewWebhookEvent> stored = ArgumentCaptor.forClass(NewWebhookEvent.class);
        verify(store).insertIfAbsent(stored.capture());
        assertThat(stored.getValue().payload()).isEqualTo("{\"id\":\"evt_1\"}");
        // sha256('{"id":"evt_1"}'), computed with sha256sum
        assertThat(stored.getValue().payloadHash())
                .isEqualTo("40993c639ffb5f13a0a2ef5c93c965f10b405f2b87a379272381da2dbc158dfa");
        assertThat(stored.getValue().receivedAt()).isEqualTo(Instant.parse("2026-01-15T10:00:00.123456Z"));
        verify(queue).enqueue(WebhookProvider.STRIPE, "evt_1");
    }

    @Test
    void aDuplicateIsCountedAndNotQueued() {
        when(stripe.verify(any())).thenReturn(Verification.AUTHENTIC);
        when(stripe.envelope(any())).thenReturn(ENVELOPE);
        when(store.insertIfAbsent(any())).thenReturn(false);

        assertThat(receive(BODY)).isEqualTo(new WebhookReceipt("evt_1", true));
        verify(store).countDuplicate(WebhookProvider.STRIPE, "evt_1");
        verifyNoInteractions(queue);
    }

    @Test
    void aFailedHandOffStillAcknowledgesTheCommittedEventForTheRelay() {
        when(stripe.verify(any())).thenReturn(Verification.AUTHENTIC);
        when(stripe.envelope(any())).thenReturn(ENVELOPE);
        when(store.insertIfAbsent(any())).thenReturn(true);
        doThrow(new IllegalStateException("broker down")).when(queue).enqueue(any(), any());

        assertThat(receive(BODY)).isEqualTo(new WebhookReceipt("evt_1", false));
    }

    @Test
    void nothingIsReadBeforeTheSignatureIsChecked() {
        when(stripe.verify(any())).thenReturn(Verification.INVALID_SIGNATURE);
        assertRejected(BODY, WebhookRejectedException.Reason.INVALID_SIGNATURE);
        when(stripe.verify(any())).thenReturn(Verification.STALE_TIMESTAMP);
        assertRejected(BODY, WebhookRejectedException.Reason.STALE_TIMESTAMP);
        verify(stripe, never()).envelope(any());
        verifyNoInteractions(store, queue);
    }

    @Test
    void anAuthenticBodyThatIsNotAnEventIsMalformedAndNotStored() {
        when(stripe.verify(any())).thenReturn(Verification.AUTHENTIC);
        assertRejected(new byte[]{'{', (byte) 0xff, '}'}, WebhookRejectedException.Reason.MALFORMED_PAYLOAD);
        assertRejected("{\"a\":\"\0\"}".getBytes(StandardCharsets.UTF_8),
                WebhookRejectedException.Reason.MALFORMED_PAYLOAD);
        when(stripe.envelope(any())).thenThrow(new MalformedWebhookException("no id"));
        assertRejected(BODY, WebhookRejectedException.Reason.MALFORMED_PAYLOAD);
        verify(store, never()).insertIfAbsent(any());
    }

    private void assertRejected(byte[] body, WebhookRejectedException.Reason reason) {
        assertThatThrownBy(() -> receive(body)).isInstanceOfSatisfying(WebhookRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Test
    void aRecoveredEventIsStoredAsRecoveredAndQueuedWithoutASignatureCheck() {
        when(stripe.envelope("{\"id\":\"evt_1\"}")).thenReturn(ENVELOPE);
        when(store.insertIfAbsent(any())).thenReturn(true);

        assertThat(service.recover(WebhookProvider.STRIPE, "{\"id\":\"evt_1\"}")).isTrue();

        ArgumentCaptor<NewWebhookEvent> stored = ArgumentCaptor.forClass(NewWebhookEvent.class);
        verify(store).insertIfAbsent(stored.capture());
        assertThat(stored.getValue().source()).isEqualTo(WebhookEventSource.RECOVERED);
        assertThat(stored.getValue().payloadHash())
                .isEqualTo("40993c639ffb5f13a0a2ef5c93c965f10b405f2b87a379272381da2dbc158dfa");
        verify(queue).enqueue(WebhookProvider.STRIPE, "evt_1");
        verify(stripe, never()).verify(any());
    }

    @Test
    void aRecoveredEventAlreadyStoredChangesNothingAndIsNoDuplicateDelivery() {
        when(stripe.envelope("{\"id\":\"evt_1\"}")).thenReturn(ENVELOPE);
        when(store.insertIfAbsent(any())).thenReturn(false);

        assertThat(service.recover(WebhookProvider.STRIPE, "{\"id\":\"evt_1\"}")).isFalse();

        verify(store, never()).countDuplicate(any(), any());
        verifyNoInteractions(queue);
    }
}
