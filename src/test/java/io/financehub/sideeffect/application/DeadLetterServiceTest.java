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
    private final LookupFirstSms sms = new LookupFirstSms();
    // the SMS capability's real lookup-first retry is SmsDeadLetterRetryIT's; here a scripted one
    private final DeadLetterService service = new DeadLetterService(store, sideEffects,
            new SideEffectDispatch(sideEffects, broker, Runnable::run), broker, List.of(sms), clock,
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

    @Test
    void anUnknownSmsTakesItsChannelsLookupFirstRetryNeverAReopen() {
        String key = unknownSms("INV-5");
        long id = store.record(new DeadLetterStore.NewDeadLetter("hub.side-effects.sms", "unknown", null, key, key,
                Map.of(), 1, T0));
        sms.answer = new UnknownOutcomeRetry.Result("found", "found at the vendor as SM1", false);

        DeadLetterAdministration.RetryResult result = service.retry(id, "ops");

        assertThat(result).isEqualTo(new DeadLetterAdministration.RetryResult("retried", "found",
                "found at the vendor as SM1"));
        assertThat(sms.retried).containsExactly(key + " by ops");
        assertThat(sideEffects.find(key).orElseThrow().status()).as("not reopened").isEqualTo(SideEffectStatus.UNKNOWN);
        assertThat(broker.sent).isEmpty();
        assertThat(store.status(id)).isEqualTo("retried");
    }

    @Test
    void anUnknownSmsWhoseVendorCannotBeAskedStaysOpen() {
        String key = unknownSms("INV-6");
        long id = store.record(new DeadLetterStore.NewDeadLetter("hub.side-effects.sms", "unknown", null, key, key,
                Map.of(), 1, T0));
        sms.answer = new UnknownOutcomeRetry.Result("lookup-failed", "the vendor could not be asked (timeout)", true);

        Throwable failure = catchThrowable(() -> service.retry(id, "ops"));

        assertThat(failure).isInstanceOfSatisfying(DeadLetterAdministration.RetryUnavailableException.class, e -> {
            assertThat(e.unavailable()).isEqualTo(DeadLetterAdministration.RetryUnavailableException.Cause.VENDOR);
            assertThat(e.getMessage()).contains("could not be asked", "stays open");
        });
        assertThat(store.status(id)).isEqualTo("open");
        assertThat(broker.sent).isEmpty();
    }

    @Test
    void aFailedSmsIsReopenedUnderItsKey() {
        String key = "INV-7:sms-invoice-issued";
        sideEffects.createIfAbsent(IdempotencyKey.parse(key), Map.of(), T0);
        sideEffects.complete(key, SideEffectStatus.FAILED, null, "rejected 21211: invalid number", T0);
        long id = store.record(new DeadLetterStore.NewDeadLetter("hub.side-effects.sms", "failed", null, key, key,
                Map.of(), 1, T0));

        assertThat(service.retry(id, "ops").outcome()).isEqualTo("queued");

        assertThat(sms.retried).isEmpty();
        assertThat(broker.sent).containsExactly("hub.side-effects.sms " + key);
    }

    private String unknownSms(String invoiceId) {
        String key = invoiceId + ":sms-invoice-issued";
        sideEffects.createIfAbsent(IdempotencyKey.parse(key), Map.of(), T0);
        sideEffects.complete(key, SideEffectStatus.UNKNOWN, null, "outcome unknown: read timeout", T0);
        return key;
    }

    /** The SMS channel's lookup-first retry, answering as scripted. */
    static final class LookupFirstSms implements UnknownOutcomeRetry {
        final List<String> retried = new ArrayList<>();
        Result answer;

        @Override
        public SideEffectChannel channel() {
            return SideEffectChannel.SMS;
        }

        @Override
        public Result retry(String idempotencyKey, String operator) {
            retried.add(idempotencyKey + " by " + operator);
            return answer;
        }
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
            redeliver(address(channel), idempotencyKey, Map.of());
        }

        @Override
        public void enqueueAfter(SideEffectChannel channel, String idempotencyKey, Duration delay) {
            enqueue(channel, idempotencyKey);
        }

        @Override
        public String address(SideEffectChannel channel) {
            return "hub.side-effects." + channel.name().toLowerCase();
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
