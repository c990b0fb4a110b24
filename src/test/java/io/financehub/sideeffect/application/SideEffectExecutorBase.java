package io.financehub.sideeffect.application;

import io.financehub.event.application.RecordingOutbox;
import io.financehub.sideeffect.domain.IdempotencyKey;
import io.financehub.sideeffect.domain.SideEffect;
import io.financehub.sideeffect.domain.SideEffectAction;
import io.financehub.sideeffect.domain.SideEffectChannel;
import io.financehub.sideeffect.domain.SideEffectStatus;
import org.junit.jupiter.api.BeforeEach;

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

/** The executor's tests share this: the vendor scripted, the stores in memory, one payment-intent key created. */
abstract class SideEffectExecutorBase {

    static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    static final String KEY = "INV-1:create-payment-intent";

    final InMemorySideEffects sideEffects = new InMemorySideEffects();
    final List<String> enqueued = new ArrayList<>();
    final List<DeadLetterStore.NewDeadLetter> deadLetters = new ArrayList<>();
    final ScriptedHandler handler = new ScriptedHandler();
    final RecordingOutbox events = new RecordingOutbox();
    /** every measured vendor call: vendor, operation and the outcome's summary */
    final List<String> measured = new ArrayList<>();
    SideEffectExecutor executor;
    MutableClock clock;

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
        VendorCallMeter meter = (vendor, operation, call) -> {
            VendorOutcome outcome = call.get();
            measured.add(vendor + " " + operation + " " + outcome.summary());
            return outcome;
        };
        executor = new SideEffectExecutor(sideEffects, queue, deadLetterStore(), events, new DirectTransactions(),
                policy, clock, meter, List.of(handler));
        sideEffects.createIfAbsent(IdempotencyKey.parse(KEY), Map.of(), T0);
    }

    static VendorExchange exchange() {
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
    static final class ScriptedHandler implements SideEffectHandler<String> {
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
        public String vendor() {
            return "scripted";
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
        public boolean retriesUnknownOutcome(SideEffect effect) {
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

    static final class MutableClock extends Clock {
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
