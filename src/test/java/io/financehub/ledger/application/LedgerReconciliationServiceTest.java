package io.financehub.ledger.application;

import io.financehub.sideeffect.application.SideEffectPolicy;
import io.financehub.ledger.application.AccountingReconciliationQuery.LedgerUnreadableException;
import io.financehub.ledger.application.ReconciliationReport.CurrencyTotal;
import io.financehub.ledger.application.ReconciliationReport.Posting;
import io.financehub.ledger.application.ReconciliationReport.Problem;
import io.financehub.ledger.application.AccountingLedger.LedgerTransaction;
import io.financehub.sideeffect.application.VendorOutcome;
import io.financehub.sideeffect.domain.IdempotencyKey;
import io.financehub.ledger.domain.JournalEntry;
import io.financehub.sideeffect.domain.SideEffect;
import io.financehub.sideeffect.domain.SideEffectStatus;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerReconciliationServiceTest {

    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private static final SideEffectPolicy POLICY = new SideEffectPolicy(Duration.ofSeconds(30), Duration.ofSeconds(3),
            6, Duration.ofMillis(200), Duration.ofSeconds(2));

    private final List<ReconciliationReadModel.InvoicePostingFacts> invoices = new ArrayList<>();
    private final List<SideEffect> effects = new ArrayList<>();
    private final List<ReconciliationReadModel.RecordedPost> recorded = new ArrayList<>();
    private final List<LedgerTransaction> ledger = new ArrayList<>();
    private final List<ReconciliationReadModel.UnmatchedEvent> unmatched = new ArrayList<>();
    private boolean ledgerDown;

    @Test
    void aPostedEntryIsOk() {
        invoice("A", "USD", 12500, false);
        succeeded("A:post-invoice", Map.of());
        inLedger("A:post-invoice", "USD", 12500);

        ReconciliationReport report = reconcile();

        assertThat(report.problemCount()).isZero();
        assertThat(posting(report, "A:post-invoice").state()).isEqualTo(ReconciliationReport.OK);
        assertThat(posting(report, "A:post-invoice").expectedAmount()).isEqualTo("125.00");
    }

    @Test
    void aRecordedEntryAbsentFromTheLedgerIsMissingOnce() {
        invoice("A", "JPY", 12500, true);
        succeeded("A:post-invoice", Map.of());
        succeeded("A:post-payment", Map.of());
        inLedger("A:post-invoice", "JPY", 12500);

        ReconciliationReport report = reconcile();

        assertThat(report.missing()).extracting(Problem::idempotencyKey).containsExactly("A:post-payment");
        assertThat(report.problemCount()).isEqualTo(1);
        assertThat(report.missing().get(0).detail()).contains("not in the ledger");
    }

    @Test
    void aPaymentOwedButNeverCreatedIsMissing() {
        invoice("A", "USD", 100, true);
        succeeded("A:post-invoice", Map.of());
        inLedger("A:post-invoice", "USD", 100);

        ReconciliationReport report = reconcile();

        assertThat(report.missing()).extracting(Problem::idempotencyKey).containsExactly("A:post-payment");
        assertThat(report.missing().get(0).detail()).contains("never created");
    }

    @Test
    void aDuplicateIsReportedOnceEvenWhenItsAmountsDifferToo() {
        invoice("A", "USD", 12500, false);
        succeeded("A:post-invoice", Map.of());
        inLedger("A:post-invoice", "USD", 12500);
        inLedger("A:post-invoice", "USD", 99);

        ReconciliationReport report = reconcile();

        assertThat(report.duplicated()).singleElement().satisfies(p -> {
            assertThat(p.idempotencyKey()).isEqualTo("A:post-invoice");
            assertThat(p.ledgerCount()).isEqualTo(2);
        });
        assertThat(report.problemCount()).isEqualTo(1);
    }

    @Test
    void aDifferentAmountOrCurrencyIsAMismatch() {
        invoice("A", "USD", 12500, false);
        invoice("B", "USD", 12500, false);
        succeeded("A:post-invoice", Map.of());
        succeeded("B:post-invoice", Map.of());
        inLedger("A:post-invoice", "USD", 13000);
        inLedger("B:post-invoice", "EUR", 12500);

        ReconciliationReport report = reconcile();

        assertThat(report.amountMismatch()).extracting(Problem::idempotencyKey)
                .containsExactly("A:post-invoice", "B:post-invoice");
        assertThat(report.amountMismatch().get(0).detail()).isEqualTo("owed USD 125.00, ledger holds USD 130.00");
        assertThat(report.problemCount()).isEqualTo(2);
    }

    @Test
    void failedAndAbandonedPostingsAreUnknownOutcomeNotMissing() {
        invoice("A", "USD", 100, false);
        invoice("B", "USD", 100, false);
        invoice("C", "USD", 100, false);
        effect("A:post-invoice", SideEffectStatus.FAILED, NOW.minusSeconds(600), Map.of());
        effect("B:post-invoice", SideEffectStatus.IN_PROGRESS, NOW.minusSeconds(31), Map.of());
        effect("C:post-invoice", SideEffectStatus.IN_PROGRESS, NOW.minusSeconds(5), Map.of());

        ReconciliationReport report = reconcile();

        assertThat(report.unknownOutcome()).extracting(Problem::idempotencyKey)
                .containsExactly("A:post-invoice", "B:post-invoice");
        assertThat(report.missing()).isEmpty();
        assertThat(posting(report, "C:post-invoice").state()).isEqualTo(ReconciliationReport.IN_FLIGHT);
    }

    @Test
    void aLedgerEntryTheHubDoesNotOweIsUnexpected() {
        inLedger("Z:post-refund:evt_9", "USD", 500);

        ReconciliationReport report = reconcile();

        assertThat(report.unexpected()).singleElement().satisfies(p -> {
            assertThat(p.idempotencyKey()).isEqualTo("Z:post-refund:evt_9");
            assertThat(p.invoiceId()).isEqualTo("Z");
        });
    }

    @Test
    void refundsAreOwedAtTheirDeltaAndTotalledPerCurrencyAndAction() {
        invoice("A", "USD", 12500, true);
        invoice("B", "JPY", 9000, false);
        Stream.of("A:post-invoice", "A:post-payment").forEach(k -> succeeded(k, Map.of()));
        succeeded("A:post-refund:evt_1", Map.of(LedgerPostingHandler.AMOUNT_MINOR, "3000"));
        succeeded("A:post-refund:evt_2", Map.of(LedgerPostingHandler.AMOUNT_MINOR, "2000"));
        succeeded("B:post-invoice", Map.of());
        recordedPost("A:post-refund:evt_1", "USD", 3000);
        recordedPost("A:post-refund:evt_2", "USD", 2000);
        inLedger("A:post-invoice", "USD", 12500);
        inLedger("A:post-payment", "USD", 12500);
        inLedger("A:post-refund:evt_1", "USD", 3000);
        inLedger("A:post-refund:evt_2", "USD", 2000);
        inLedger("B:post-invoice", "JPY", 9000);

        ReconciliationReport report = reconcile();

        assertThat(report.problemCount()).isZero();
        assertThat(report.totals()).contains(
                new CurrencyTotal("USD", "post-refund", 5000, 5000, 5000, "50.00", "50.00", "50.00"),
                new CurrencyTotal("JPY", "post-invoice", 9000, 0, 9000, "9000", "0", "9000"));
    }

    @Test
    void paymentEventsForUnknownInvoicesAreListed() {
        unmatched.add(new ReconciliationReadModel.UnmatchedEvent("stripe", "evt_lost", "charge.refunded",
                NOW.minusSeconds(5)));

        ReconciliationReport report = reconcile();

        assertThat(report.unmatchedEvents()).singleElement().satisfies(e -> {
            assertThat(e.eventId()).isEqualTo("evt_lost");
            assertThat(e.type()).isEqualTo("charge.refunded");
        });
    }

    @Test
    void anUnreadableLedgerIsAnErrorNotAReportOfEverythingMissing() {
        invoice("A", "USD", 100, false);
        ledgerDown = true;

        assertThatThrownBy(this::reconcile).isInstanceOf(LedgerUnreadableException.class);
    }

    private ReconciliationReport reconcile() {
        ReconciliationReadModel readModel = new ReconciliationReadModel() {
            @Override
            public List<InvoicePostingFacts> invoices() {
                return invoices;
            }

            @Override
            public List<SideEffect> accountingSideEffects() {
                return effects;
            }

            @Override
            public List<RecordedPost> recordedPosts() {
                return recorded;
            }

            @Override
            public List<UnmatchedEvent> unmatchedEvents() {
                return unmatched;
            }
        };
        AccountingLedger fake = new AccountingLedger() {
            @Override
            public String kind() {
                return "fake";
            }

            @Override
            public VendorOutcome post(JournalEntry entry) {
                throw new UnsupportedOperationException("reconciliation never posts");
            }

            @Override
            public Optional<LedgerTransaction> findPosted(String idempotencyKey) {
                return transactions().stream().filter(t -> t.idempotencyKey().equals(idempotencyKey)).findFirst();
            }

            @Override
            public List<LedgerTransaction> transactions() {
                if (ledgerDown) {
                    throw new LedgerUnavailableException("connection refused", null);
                }
                return ledger;
            }
        };
        return new LedgerReconciliationService(readModel, fake, POLICY, Clock.fixed(NOW, ZoneOffset.UTC)).reconcile();
    }

    private void invoice(String id, String currency, long amount, boolean paid) {
        invoices.add(new ReconciliationReadModel.InvoicePostingFacts(id, currency, amount, paid));
    }

    private void succeeded(String key, Map<String, String> parameters) {
        effect(key, SideEffectStatus.SUCCEEDED, NOW.minusSeconds(60), parameters);
    }

    private void effect(String key, SideEffectStatus status, Instant claimedAt, Map<String, String> parameters) {
        effects.add(new SideEffect(IdempotencyKey.parse(key), status, 1, parameters, null, null,
                NOW.minusSeconds(120), claimedAt, null));
    }

    private void recordedPost(String key, String currency, long amount) {
        recorded.add(new ReconciliationReadModel.RecordedPost(key, "succeeded", "ref-" + key, currency, amount, 0));
    }

    private void inLedger(String key, String currency, long amount) {
        ledger.add(new LedgerTransaction("ref-" + ledger.size(), key, currency, amount, "d"));
    }

    private static Posting posting(ReconciliationReport report, String key) {
        return report.invoices().stream().flatMap(i -> i.postings().stream())
                .filter(p -> p.idempotencyKey().equals(key)).findFirst().orElseThrow();
    }
}
