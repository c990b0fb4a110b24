package io.financehub.application.service;

import io.financehub.application.port.out.AccountingLedger;
import io.financehub.application.port.out.AccountingPostLog;
import io.financehub.application.port.out.VendorExchange;
import io.financehub.application.port.out.VendorOutcome;
import io.financehub.domain.model.Customer;
import io.financehub.domain.model.IdempotencyKey;
import io.financehub.domain.model.Invoice;
import io.financehub.domain.model.JournalEntry;
import io.financehub.domain.model.Money;
import io.financehub.domain.model.PaymentFacts;
import io.financehub.domain.model.SideEffect;
import io.financehub.domain.model.SideEffectAction;
import io.financehub.domain.model.SideEffectStatus;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger rule of the posting handler: post on the first attempt, look the key up before any later post. */
class LedgerPostingHandlerTest {

    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private static final Invoice INVOICE = new Invoice("INV-1", new Customer("C", "Ada", null),
            new Money(12500, "JPY"), "d", "hash", PaymentFacts.NONE, NOW);

    private final FakeLedger ledger = new FakeLedger();
    private final LedgerPostingHandler handler = new LedgerPostingHandler(ledger, new AccountingPostLog() {
        @Override
        public void claimed(JournalEntry entry, String backend, String request) {
        }

        @Override
        public void finished(String idempotencyKey, VendorOutcome outcome, SideEffectStatus status) {
        }
    }, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theFirstAttemptPostsWithoutALookup() {
        assertThat(handler.perform(effect(1, Map.of()), INVOICE)).isInstanceOf(VendorOutcome.Succeeded.class);

        assertThat(ledger.calls).containsExactly("post INV-1:post-invoice JPY 12500");
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

    private static final class FakeLedger implements AccountingLedger {
        final List<String> calls = new ArrayList<>();
        Optional<LedgerTransaction> existing = Optional.empty();
        boolean readable = true;

        @Override
        public String kind() {
            return "fake";
        }

        @Override
        public VendorOutcome post(JournalEntry entry) {
            calls.add("post " + entry.idempotencyKey() + " " + entry.amount().currency() + " "
                    + entry.amount().amountMinor());
            return new VendorOutcome.Succeeded("ref", new VendorExchange("req", "201", 201));
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
