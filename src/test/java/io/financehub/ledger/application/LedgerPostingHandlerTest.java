package io.financehub.ledger.application;

import io.financehub.event.domain.EventType;
import io.financehub.event.application.RecordingOutbox;
import io.financehub.invoice.application.InMemoryInvoices;
import io.financehub.sideeffect.application.VendorExchange;
import io.financehub.sideeffect.application.VendorOutcome;
import io.financehub.invoice.domain.Customer;
import io.financehub.sideeffect.domain.IdempotencyKey;
import io.financehub.invoice.domain.Invoice;
import io.financehub.ledger.domain.JournalEntry;
import io.financehub.invoice.domain.Money;
import io.financehub.invoice.domain.PaymentFacts;
import io.financehub.sideeffect.domain.SideEffect;
import io.financehub.sideeffect.domain.SideEffectAction;
import io.financehub.sideeffect.domain.SideEffectStatus;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger rule of the posting handler: post on the first attempt, look the key up before any later post. */
class LedgerPostingHandlerTest {

    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private static final String KEY = "INV-1:post-invoice";
    private static final Invoice INVOICE = new Invoice("INV-1", new Customer("C", "Ada", null),
            new Money(12500, "JPY"), "d", "hash", PaymentFacts.NONE, NOW);

    private final FakeLedger ledger = new FakeLedger();
    private final FakePostLog posts = new FakePostLog();
    private Instant now = NOW;
    private final RecordingOutbox events = new RecordingOutbox();
    private final LedgerPostingHandler handler = new LedgerPostingHandler(ledger, posts, new InMemoryInvoices(INVOICE),
            events, new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void theFirstAttemptPostsWithoutALookup() {
        assertThat(handler.perform(effect(1, Map.of()), INVOICE)).isInstanceOf(VendorOutcome.Succeeded.class);

        assertThat(ledger.calls).containsExactly("post INV-1:post-invoice JPY 12500");
    }

    @Test
    void aSucceededPostingPublishesLedgerPostedAndAnyOtherOutcomeNothing() {
        VendorOutcome posted = new VendorOutcome.Succeeded("2026-01-15 (INV-1:post-invoice)",
                new VendorExchange("post", "ok", 200));

        handler.onOutcome(effect(1, Map.of()), INVOICE, new VendorOutcome.Retryable("busy", null,
                new VendorExchange("post", null, 503)), SideEffectStatus.RETRYING);
        handler.onOutcome(effect(2, Map.of()), INVOICE, posted, SideEffectStatus.SUCCEEDED);

        assertThat(events.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.LEDGER_POSTED);
            assertThat(e.invoiceId()).isEqualTo("INV-1");
            assertThat(e.data()).containsEntry("idempotencyKey", KEY).containsEntry("action", "post-invoice")
                    .containsEntry("journalRef", "2026-01-15 (INV-1:post-invoice)").containsEntry("ledger", "fake")
                    .containsEntry("amountMinor", 12500L).containsEntry("currency", "JPY")
                    .containsEntry("debitAccount", "assets:receivable").containsEntry("creditAccount", "revenue:sales")
                    .containsEntry("date", "2026-01-15");
        });
    }

    @Test
    void aLaterAttemptRecordsWhatItFindsAndPostsNothing() {
        ledger.existing = Optional.of(new AccountingLedger.LedgerTransaction("2026-01-15 (INV-1:post-invoice)",
                "INV-1:post-invoice", "JPY", 12500, "d"));

        VendorOutcome outcome = handler.perform(effect(2, Map.of()), INVOICE);

        assertThat(outcome).isInstanceOf(VendorOutcome.Succeeded.class);
        assertThat(((VendorOutcome.Succeeded) outcome).reference()).isEqualTo("2026-01-15 (INV-1:post-invoice)");
        assertThat(ledger.calls).containsExactly("lookup INV-1:post-invoice");
    }

    @Test
    void aTakeoverThatFindsNothingPosts() {
        handler.resume(effect(1, Map.of()), INVOICE);

        assertThat(ledger.calls).containsExactly("lookup INV-1:post-invoice", "post INV-1:post-invoice JPY 12500");
    }

    @Test
    void aFailedLookupPostsNothingAndIsRetriedLater() {
        ledger.readable = false;

        VendorOutcome outcome = handler.perform(effect(3, Map.of()), INVOICE);

        assertThat(outcome).isInstanceOf(VendorOutcome.Retryable.class);
        assertThat(ledger.calls).containsExactly("lookup INV-1:post-invoice");
    }

    @Test
    void aPostWithoutAnAnswerHoldsTheRetryAndItsLookupBackForTheLookupDelay() {
        ledger.lookupDelay = Duration.ofSeconds(10);
        ledger.answer = new VendorOutcome.Unknown("read timed out", VendorExchange.requestOnly("req"));

        assertThat(handler.perform(effect(1, Map.of()), INVOICE)).isInstanceOf(VendorOutcome.Unknown.class);
        assertThat(posts.unansweredPostSentAt(KEY)).contains(NOW);
        assertThat(handler.retryNotBefore(effect(1, Map.of()))).isEqualTo(NOW.plusSeconds(10));

        // a second delivery 3 s later: the post may still be on its way, so no lookup yet
        now = NOW.plusSeconds(3);
        VendorOutcome early = handler.perform(effect(2, Map.of()), INVOICE);
        assertThat(early).isInstanceOf(VendorOutcome.Retryable.class);
        assertThat(((VendorOutcome.Retryable) early).retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(ledger.calls).containsExactly("post INV-1:post-invoice JPY 12500");

        now = NOW.plusSeconds(10);
        ledger.existing = Optional.of(new AccountingLedger.LedgerTransaction("2026-01-15 (INV-1:post-invoice)",
                KEY, "JPY", 12500, "d"));
        assertThat(handler.perform(effect(3, Map.of()), INVOICE)).isInstanceOf(VendorOutcome.Succeeded.class);
        assertThat(ledger.calls).containsExactly("post INV-1:post-invoice JPY 12500", "lookup INV-1:post-invoice");
        assertThat(posts.unansweredPostSentAt(KEY)).as("the post was found: nothing is in flight").isEmpty();
    }

    @Test
    void anAnsweredPostLeavesNothingToWaitFor() {
        ledger.lookupDelay = Duration.ofSeconds(10);
        ledger.answer = new VendorOutcome.Unknown("hledger-web answered 500", new VendorExchange("req", "500", 500));

        handler.perform(effect(1, Map.of()), INVOICE);

        assertThat(posts.unansweredPostSentAt(KEY)).isEmpty();
        assertThat(handler.retryNotBefore(effect(1, Map.of()))).isNull();
        now = NOW.plusSeconds(1);
        handler.perform(effect(2, Map.of()), INVOICE);
        assertThat(ledger.calls).containsExactly("post INV-1:post-invoice JPY 12500", "lookup INV-1:post-invoice",
                "post INV-1:post-invoice JPY 12500");
    }

    @Test
    void aLedgerThatRefusesSecondPostsIsLookedUpAtOnce() {
        ledger.answer = new VendorOutcome.Unknown("read timed out", VendorExchange.requestOnly("req"));

        handler.perform(effect(1, Map.of()), INVOICE);
        handler.perform(effect(2, Map.of()), INVOICE);

        assertThat(posts.sent).isEmpty();
        assertThat(handler.retryNotBefore(effect(2, Map.of()))).isNull();
        assertThat(ledger.calls).containsExactly("post INV-1:post-invoice JPY 12500", "lookup INV-1:post-invoice",
                "post INV-1:post-invoice JPY 12500");
    }

    @Test
    void aRefundPostsItsDeltaNotTheInvoiceAmount() {
        SideEffect refund = new SideEffect(IdempotencyKey.of("INV-1", SideEffectAction.POST_REFUND, "evt_2"),
                SideEffectStatus.IN_PROGRESS, 1, Map.of(LedgerPostingHandler.AMOUNT_MINOR, "2000"), null, null, NOW,
                NOW, null);

        handler.perform(refund, INVOICE);

        assertThat(ledger.calls).containsExactly("post INV-1:post-refund:evt_2 JPY 2000");
    }

    private static SideEffect effect(int attempts, Map<String, String> parameters) {
        return new SideEffect(IdempotencyKey.of("INV-1", SideEffectAction.POST_INVOICE), SideEffectStatus.IN_PROGRESS,
                attempts, parameters, null, null, NOW, NOW, null);
    }

    private static final class FakePostLog implements AccountingPostLog {
        final Map<String, Instant> unanswered = new HashMap<>();
        final List<String> sent = new ArrayList<>();

        @Override
        public void claimed(JournalEntry entry, String backend, String request) {
        }

        @Override
        public void finished(String idempotencyKey, VendorOutcome outcome, SideEffectStatus status) {
        }

        @Override
        public void sending(String idempotencyKey, Instant sentAt) {
            sent.add(idempotencyKey);
            unanswered.put(idempotencyKey, sentAt);
        }

        @Override
        public void answered(String idempotencyKey, Instant sentAt) {
            unanswered.computeIfPresent(idempotencyKey, (k, at) -> at.isAfter(sentAt) ? at : null);
        }

        @Override
        public Optional<Instant> unansweredPostSentAt(String idempotencyKey) {
            return Optional.ofNullable(unanswered.get(idempotencyKey));
        }
    }

    private static final class FakeLedger implements AccountingLedger {
        final List<String> calls = new ArrayList<>();
        Optional<LedgerTransaction> existing = Optional.empty();
        boolean readable = true;
        Duration lookupDelay = Duration.ZERO;
        VendorOutcome answer = new VendorOutcome.Succeeded("ref", new VendorExchange("req", "201", 201));

        @Override
        public String vendor() {
            return "fake-ledger";
        }

        @Override
        public Duration lookupDelay() {
            return lookupDelay;
        }

        @Override
        public String kind() {
            return "fake";
        }

        @Override
        public VendorOutcome post(JournalEntry entry) {
            calls.add("post " + entry.idempotencyKey() + " " + entry.amount().currency() + " "
                    + entry.amount().amountMinor());
            return answer;
        }

        @Override
        public Optional<LedgerTransaction> findPosted(String idempotencyKey) {
            calls.add("lookup " + idempotencyKey);
            if (!readable) {
                throw new LedgerUnavailableException("GET /transactions answered 500", null);
            }
            return existing;
        }

        @Override
        public List<LedgerTransaction> transactions() {
            return existing.stream().toList();
        }
    }
}
