package io.financehub.sideeffect.application;

import io.financehub.event.domain.EventType;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared claim → call → record shape: how each vendor outcome is recorded, retried or dead-lettered. */
class SideEffectExecutorTest extends SideEffectExecutorBase {

    @Test
    void succeedsOnceAndIgnoresEveryLaterDelivery() {
        handler.script.add(new VendorOutcome.Succeeded("pi_1", exchange()));

        assertThat(executor.execute(KEY)).isEqualTo("succeeded");
        assertThat(executor.execute(KEY)).isEqualTo("already-succeeded");

        assertThat(handler.calls).containsExactly("perform");
        assertThat(sideEffects.find(KEY).orElseThrow().resultRef()).isEqualTo("pi_1");
        assertThat(handler.claims).isEqualTo(1);
        assertThat(handler.subjects).as("read once, by the execution that ran; not for a settled key")
                .containsExactly("INV-1");
        assertThat(events.events()).as("a success is its handler's to report").isEmpty();
    }

    @Test
    void retryableOutcomesBackOffHonourRetryAfterAndDeadLetterAtTheLimit() {
        handler.script.add(new VendorOutcome.Retryable("429", Duration.ofSeconds(7), exchange()));
        handler.script.add(new VendorOutcome.Retryable("503", null, exchange()));
        handler.script.add(new VendorOutcome.Retryable("503", null, exchange()));

        assertThat(executor.execute(KEY)).isEqualTo("retry-in-7000ms");
        assertThat(executor.execute(KEY)).isEqualTo("retry-in-2000ms");
        assertThat(executor.execute(KEY)).isEqualTo("failed");

        assertThat(enqueued).containsExactly(KEY + " after 7000ms", KEY + " after 2000ms");
        assertThat(deadLetters).singleElement().satisfies(d -> {
            assertThat(d.queue()).isEqualTo("queue.PAYMENTS");
            assertThat(d.idempotencyKey()).isEqualTo(KEY);
            assertThat(d.attempts()).isEqualTo(3);
        });
        assertThat(events.events()).as("the retries publish nothing; the dead letter once").singleElement()
                .satisfies(e -> {
                    assertThat(e.type()).isEqualTo(EventType.SIDE_EFFECT_DEAD_LETTERED);
                    assertThat(e.invoiceId()).isEqualTo("INV-1");
                    assertThat(e.data()).containsEntry("idempotencyKey", KEY)
                            .containsEntry("action", "create-payment-intent").containsEntry("channel", "payments")
                            .containsEntry("attempts", 3).containsEntry("reason", "retryable: 503");
                });
    }

    @Test
    void aRetryIsScheduledNoSoonerThanTheHandlerCanRetry() {
        // the vendor may still carry out the request the hub gave up on, until 30 s from now
        handler.retryNotBefore = T0.plusSeconds(30);
        handler.script.add(new VendorOutcome.Unknown("read timeout", exchange()));
        handler.script.add(new VendorOutcome.Unknown("read timeout", exchange()));

        assertThat(executor.execute(KEY)).isEqualTo("retry-in-30000ms");
        // when the back-off (2 s for the second attempt) reaches further, the back-off decides
        clock.now = T0.plusSeconds(29);
        assertThat(executor.execute(KEY)).isEqualTo("retry-in-2000ms");

        assertThat(enqueued).containsExactly(KEY + " after 30000ms", KEY + " after 2000ms");
    }

    @Test
    void unknownOutcomeIsSettledAsUnknownWhenTheVendorHasNoIdempotency() {
        handler.retriesUnknown = false;
        handler.script.add(new VendorOutcome.Unknown("read timeout", exchange()));

        assertThat(executor.execute(KEY)).isEqualTo("unknown");
        assertThat(executor.execute(KEY)).isEqualTo("already-unknown");

        assertThat(handler.calls).containsExactly("perform");
        assertThat(enqueued).isEmpty();
        assertThat(events.events()).as("unknown is not dead-lettered").isEmpty();
    }

    @Test
    void rejectedOutcomeIsFinalAndDeadLettered() {
        handler.script.add(new VendorOutcome.Rejected("card_declined", "Your card was declined.", exchange()));

        assertThat(executor.execute(KEY)).isEqualTo("failed");
        assertThat(executor.execute(KEY)).isEqualTo("already-failed");

        assertThat(deadLetters).singleElement().satisfies(d ->
                assertThat(d.reason()).contains("card_declined"));
        assertThat(events.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.SIDE_EFFECT_DEAD_LETTERED);
            assertThat(e.data()).containsEntry("errorCode", "card_declined");
        });
    }

    @Test
    void anAdapterExceptionCountsAsUnknownOutcome() {
        handler.retriesUnknown = false;
        handler.throwOnCall = true;

        assertThat(executor.execute(KEY)).isEqualTo("unknown");
        assertThat(measured).as("measured like any call, as an unknown outcome")
                .containsExactly("scripted create-payment-intent outcome unknown: IllegalStateException: socket closed");
    }

    @Test
    void everyVendorCallIsMeasuredUnderTheHandlersVendorAndTheKeysAction() {
        handler.script.add(new VendorOutcome.Retryable("429", null, exchange()));
        handler.script.add(new VendorOutcome.Succeeded("pi_1", exchange()));

        executor.execute(KEY);
        executor.execute(KEY);
        executor.execute(KEY);

        assertThat(measured).as("the settled third delivery calls no vendor").containsExactly(
                "scripted create-payment-intent retryable: 429", "scripted create-payment-intent succeeded");
    }
}
