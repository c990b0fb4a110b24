package io.financehub.sideeffect.application;

import io.financehub.sideeffect.domain.IdempotencyKey;
import io.financehub.sideeffect.domain.SideEffectAction;
import io.financehub.sideeffect.domain.SideEffectChannel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class SideEffectDispatchTest {

    private final InMemorySideEffects sideEffects = new InMemorySideEffects();

    @Test
    void theCallerNeverWaitsForTheBroker() throws Exception {
        CountDownLatch brokerBack = new CountDownLatch(1);
        List<String> sent = new CopyOnWriteArrayList<>();
        SideEffectQueue stuck = new SideEffectQueue() {
            @Override
            public void enqueue(SideEffectChannel channel, String key) {
                try {
                    brokerBack.await(); // an unreachable broker: the send blocks until it gives up
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                sent.add(key);
            }

            @Override
            public void enqueueAfter(SideEffectChannel channel, String key, Duration delay) {
                enqueue(channel, key);
            }

            @Override
            public String address(SideEffectChannel channel) {
                return "hub.side-effects." + channel.name().toLowerCase();
            }
        };
        SideEffectDispatch dispatch = new SideEffectDispatch(sideEffects, stuck,
                r -> new Thread(r).start());
        IdempotencyKey key = IdempotencyKey.of("INV-1", SideEffectAction.CREATE_PAYMENT_INTENT);

        dispatch.dispatchAll(List.of(key)); // returns although the send has not finished

        assertThat(sent).isEmpty();
        brokerBack.countDown();
        org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(sent).containsExactly(key.value()));
    }

    @Test
    void aFullHandOffLeavesTheSideEffectToTheRelay() {
        SideEffectDispatch dispatch = new SideEffectDispatch(sideEffects, new SideEffectQueue() {
            @Override
            public void enqueue(SideEffectChannel channel, String key) {
                throw new AssertionError("nothing may be sent");
            }

            @Override
            public void enqueueAfter(SideEffectChannel channel, String key, Duration delay) {
                throw new AssertionError("nothing may be sent");
            }

            @Override
            public String address(SideEffectChannel channel) {
                return "hub.side-effects." + channel.name().toLowerCase();
            }
        }, r -> {
            throw new RejectedExecutionException("full");
        });

        assertThatCode(() -> dispatch.dispatchAll(List.of(IdempotencyKey.of("INV-2",
                SideEffectAction.CREATE_PAYMENT_INTENT)))).doesNotThrowAnyException();
    }
}
