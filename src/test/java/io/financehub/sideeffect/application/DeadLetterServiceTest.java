package io.financehub.sideeffect.application;

import io.financehub.sideeffect.domain.IdempotencyKey;
import io.financehub.sideeffect.domain.SideEffectChannel;
import io.financehub.sideeffect.domain.SideEffectStatus;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Operators' retry of dead letters: a retry that could not be sent stays retryable, and nothing is sent twice. */
class DeadLetterServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final String COMMANDS = "hub.invoice.commands";

    private final InMemoryDeadLetters store = new InMemoryDeadLetters();
    private final InMemorySideEffects sideEffects = new InMemorySideEffects();
    private final Broker broker = new Broker();
    private final MutableClock clock = new MutableClock(T0);
    // no SMS here: an unknown SMS's lookup-first retry is SmsDeadLetterRetryIT's
    private final DeadLetterService service = new DeadLetterService(store, sideEffects,
            new SideEffectDispatch(sideEffects, broker, Runnable::run), broker, null, clock,
            Duration.ofMinutes(2));

    {
        store.databaseTime = () -> clock.now; // the database's clock, in these tests the same as the hub's
    }

    @Test
    void aRetryTheBrokerDoesNotTakeStaysRetryableAndTheNextRetrySendsIt() {
        long id = store.record(new DeadLetterStore.NewDeadLetter(COMMANDS, "boom", "ID:1", null,
                "{\"invoiceId\":\"INV-1\"}", Map.of("command", "IssueInvoice"), 6, T0));
        broker.down = true;

        Throwable failure = catchThrowable(() -> service.retry(id, "ops"));

        assertThat(failure).as("the operator is told the retry did not happen")
                .isInstanceOfSatisfying(DeadLetterAdministration.RetryUnavailableException.class, e -> {
                    assertThat(e.unavailable()).isEqualTo(DeadLetterAdministration.RetryUnavailableException.Cause.BROKER);
                    assertThat(e.getMessage()).contains("stays open");
                });
        assertThat(store.status(id)).as("the dead letter stays retryable").isEqualTo("open");
        broker.down = false;
        assertThat(service.retry(id, "ops").status()).isEqualTo("retried");
        assertThat(broker.sent).containsExactly(COMMANDS + " {\"invoiceId\":\"INV-1\"}");
        assertThat(store.status(id)).isEqualTo("retried");
        assertThat(service.retry(id, "ops").status()).isEqualTo("already-retried");
        assertThat(broker.sent).hasSize(1);
    }

    @Test
    void aSecondClickWhileTheFirstRetryIsSendingSendsNothing() {
        long id = store.record(new DeadLetterStore.NewDeadLetter(COMMANDS, "boom", "ID:2", null, "cmd", Map.of(), 6,
                T0));
        List<Throwable> secondClick = new ArrayList<>();
        broker.duringSend = () -> secondClick.add(catchThrowable(() -> service.retry(id, "ops-2")));

        assertThat(service.retry(id, "ops-1").status()).isEqualTo("retried");

        assertThat(secondClick).singleElement().isInstanceOf(DeadLetterAdministration.RetryInProgressException.class);
        assertThat(broker.sent).hasSize(1);
    }

    @Test
    void aRetryWhoseHolderDiedIsTakenOverAfterTheLease() {
        long id = store.record(new DeadLetterStore.NewDeadLetter(COMMANDS, "boom", "ID:3", null, "cmd", Map.of(), 6,
                T0));
        store.claimForRetry(id, Duration.ZERO);     // a hub claimed it at T0, then died before sending

        assertThat(catchThrowable(() -> service.retry(id, "ops")))
                .isInstanceOf(DeadLetterAdministration.RetryInProgressException.class);
        clock.now = T0.plus(Duration.ofMinutes(3));
        assertThat(service.retry(id, "ops").status()).isEqualTo("retried");
        assertThat(broker.sent).hasSize(1);
    }

    @Test
    void aSideEffectRetryIsKeptByItsOutboxWhenTheBrokerIsDown() {
        String key = "INV-4:post-invoice";
        sideEffects.createIfAbsent(IdempotencyKey.parse(key), Map.of(), T0);
        sideEffects.complete(key, SideEffectStatus.FAILED, null, "ledger down", T0);
        long id = store.record(new DeadLetterStore.NewDeadLetter("hub.side-effects.accounting", "failed", null, key,
                key, Map.of(), 6, T0));
        broker.down = true;

        DeadLetterAdministration.RetryResult result = service.retry(id, "ops");

        assertThat(result.outcome()).isEqualTo("queued-by-relay");
        assertThat(sideEffects.find(key).orElseThrow().status()).isEqualTo(SideEffectStatus.PENDING);
        assertThat(sideEffects.dispatchedAt).as("not on a queue: the relay picks it up").doesNotContainKey(key);
        assertThat(store.status(id)).isEqualTo("retried");
    }

    /** A broker that can be down; when up it takes every message. */
    static final class Broker implements MessageRedelivery, SideEffectQueue {
        final List<String> sent = new ArrayList<>();
        boolean down;
        Runnable duringSend = () -> { };

        @Override
        public void redeliver(String queue, String body, Map<String, String> headers) {
            if (down) {
                throw new DeliveryFailedException("AMQ219010: Connection is destroyed", null);
            }
            duringSend.run();
            sent.add(queue + " " + body);
        }

        @Override
        public void enqueue(SideEffectChannel channel, String idempotencyKey) {
            redeliver("hub.side-effects." + channel.name().toLowerCase(), idempotencyKey, Map.of());
        }

        @Override
        public void enqueueAfter(SideEffectChannel channel, String idempotencyKey, Duration delay) {
            enqueue(channel, idempotencyKey);
        }
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
