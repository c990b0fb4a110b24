package io.financehub.sideeffect.application;

import io.financehub.sideeffect.domain.IdempotencyKey;
import io.financehub.sideeffect.domain.SideEffect;
import io.financehub.sideeffect.domain.SideEffectAction;
import io.financehub.sideeffect.domain.SideEffectChannel;
import io.financehub.sideeffect.domain.SideEffectStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared claim → call → record shape, with the vendor scripted and the stores in memory. */
class SideEffectExecutorTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final String KEY = "INV-1:create-payment-intent";

    private final InMemorySideEffects sideEffects = new InMemorySideEffects();
    private final List<String> enqueued = new ArrayList<>();
    private final List<DeadLetterStore.NewDeadLetter> deadLetters = new ArrayList<>();
    private final ScriptedHandler handler = new ScriptedHandler();
    private SideEffectExecutor executor;
    private MutableClock clock;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(T0);
        sideEffects.databaseTime = () -> clock.now;
        SideEffectPolicy policy = new SideEffectPolicy(Duration.ofMinutes(2), Duration.ofSeconds(30), 3,
                Duration.ofSeconds(1), Duration.ofSeconds(10));
        SideEffectQueue queue = new SideEffectQueue() {
            @Override
            public void enqueue(SideEffectChannel channel, String key) {
                enqueued.add(key);
            }

            @Override
            public void enqueueAfter(SideEffectChannel channel, String key, Duration delay) {
                enqueued.add(key + " after " + delay.toMillis() + "ms");
            }

            @Override
            public String address(SideEffectChannel channel) {
                return "queue." + channel;
            }
        };
        executor = new SideEffectExecutor(sideEffects, queue, deadLetterStore(), new DirectTransactions(),
                policy, clock, List.of(handler));
        sideEffects.createIfAbsent(IdempotencyKey.parse(KEY), Map.of(), T0);
    }

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
    }

    @Test
    void aClaimHeldPastItsLeaseIsTakenOverAndResumedNotPerformedAgain() {
        sideEffects.claim(KEY, Duration.ofMinutes(2));            // a worker claimed it, then died
        handler.script.add(new VendorOutcome.Succeeded("pi_found", exchange()));

        assertThat(executor.execute(KEY)).isEqualTo("not-claimed");
        clock.now = T0.plus(Duration.ofMinutes(3));
        assertThat(executor.execute(KEY)).isEqualTo("succeeded");

        assertThat(handler.calls).containsExactly("resume");
        assertThat(sideEffects.find(KEY).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void aWorkerWhoseClaimWasTakenOverDuringTheCallRecordsNothing() {
        handler.script.add(new VendorOutcome.Succeeded("pi_slow", exchange()));
        handler.duringCall = () -> {
            // the lease ran out while the vendor was slow: another worker takes the claim over and finishes
            clock.now = T0.plus(Duration.ofMinutes(3));
            sideEffects.claim(KEY, Duration.ofMinutes(2));
            sideEffects.recordOutcome(KEY, 2, SideEffectStatus.SUCCEEDED, "pi_other", null, clock.now);
        };

        assertThat(executor.execute(KEY)).isEqualTo("lost-claim");

        assertThat(sideEffects.find(KEY).orElseThrow().resultRef()).isEqualTo("pi_other");
        assertThat(handler.outcomes).isZero();
    }

    @Test
    void rejectedOutcomeIsFinalAndDeadLettered() {
        handler.script.add(new VendorOutcome.Rejected("card_declined", "Your card was declined.", exchange()));

        assertThat(executor.execute(KEY)).isEqualTo("failed");
        assertThat(executor.execute(KEY)).isEqualTo("already-failed");

        assertThat(deadLetters).singleElement().satisfies(d ->
                assertThat(d.reason()).contains("card_declined"));
    }

    @Test
    void anAdapterExceptionCountsAsUnknownOutcome() {
        handler.retriesUnknown = false;
        handler.throwOnCall = true;

        assertThat(executor.execute(KEY)).isEqualTo("unknown");
    }

    private static VendorExchange exchange() {
        return new VendorExchange("request", "response", 200);
    }

    private DeadLetterStore deadLetterStore() {
        return new DeadLetterStore() {
            @Override
            public long record(NewDeadLetter deadLetter) {
                deadLetters.add(deadLetter);
                return deadLetters.size();
            }

            @Override
            public List<DeadLetter> list(Long beforeId, int limit) {
                return List.of();
            }

            @Override
            public Optional<DeadLetter> find(long id) {
                return Optional.empty();
            }

            @Override
            public boolean claimForRetry(long id, Duration staleAfter) {
                return false;
            }

            @Override
            public boolean markRetried(long id, Instant now) {
                return false;
            }

            @Override
            public void releaseRetry(long id) {
            }
        };
    }

    /** Its subject is the invoice id: the executor only hands it from step to step. */
    private static final class ScriptedHandler implements SideEffectHandler<String> {
        final Deque<VendorOutcome> script = new ArrayDeque<>();
        final List<String> calls = new ArrayList<>();
        final List<String> subjects = new ArrayList<>();
        int claims;
        int outcomes;
        boolean retriesUnknown = true;
        boolean throwOnCall;
        Instant retryNotBefore;
        Runnable duringCall = () -> { };

        @Override
        public Instant retryNotBefore(SideEffect effect) {
            return retryNotBefore;
        }

        @Override
        public Set<SideEffectAction> actions() {
            return Set.of(SideEffectAction.CREATE_PAYMENT_INTENT);
        }

        @Override
        public String subject(SideEffect effect) {
            subjects.add(effect.invoiceId());
            return effect.invoiceId();
        }

        @Override
        public void onClaim(SideEffect effect, String subject) {
            assertThat(subject).isEqualTo("INV-1");
            claims++;
        }

        @Override
        public VendorOutcome perform(SideEffect effect, String subject) {
            assertThat(subject).isEqualTo("INV-1");
            calls.add("perform");
            return next();
        }

        @Override
        public VendorOutcome resume(SideEffect effect, String subject) {
            assertThat(subject).isEqualTo("INV-1");
            calls.add("resume");
            return next();
        }

        private VendorOutcome next() {
            duringCall.run();
            if (throwOnCall) {
                throw new IllegalStateException("socket closed");
            }
            return script.removeFirst();
        }

        @Override
        public boolean retriesUnknownOutcome() {
            return retriesUnknown;
        }

        @Override
        public void onOutcome(SideEffect effect, String subject, VendorOutcome outcome, SideEffectStatus status) {
            assertThat(subject).isEqualTo("INV-1");
            outcomes++;
        }
    }

    private static final class DirectTransactions implements io.financehub.platform.persistence.TransactionRunner {
        @Override
        public <T> T inTransaction(java.util.function.Supplier<T> work) {
            return work.get();
        }
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
