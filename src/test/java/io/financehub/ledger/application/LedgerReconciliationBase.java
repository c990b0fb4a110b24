package io.financehub.ledger.application;

import io.financehub.ledger.application.AccountingLedger.LedgerTransaction;
import io.financehub.ledger.application.ReconciliationReport.Posting;
import io.financehub.ledger.domain.JournalEntry;
import io.financehub.sideeffect.application.SideEffectPolicy;
import io.financehub.sideeffect.application.VendorOutcome;
import io.financehub.sideeffect.domain.IdempotencyKey;
import io.financehub.sideeffect.domain.SideEffect;
import io.financehub.sideeffect.domain.SideEffectStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The reconciliation's tests share this: the hub's records and the ledger's entries as lists each test fills. */
abstract class LedgerReconciliationBase {

    static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    static final SideEffectPolicy POLICY = new SideEffectPolicy(Duration.ofSeconds(30), Duration.ofSeconds(3),
            6, Duration.ofMillis(200), Duration.ofSeconds(2));

    final List<ReconciliationReadModel.InvoicePostingFacts> invoices = new ArrayList<>();
    final List<SideEffect> effects = new ArrayList<>();
    final List<ReconciliationReadModel.RecordedPost> recorded = new ArrayList<>();
    final List<LedgerTransaction> ledger = new ArrayList<>();
    final List<ReconciliationReadModel.UnmatchedEvent> unmatched = new ArrayList<>();
    boolean ledgerDown;

    ReconciliationReport reconcile() {
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
            public String vendor() {
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

    void invoice(String id, String currency, long amount, boolean paid) {
        invoices.add(new ReconciliationReadModel.InvoicePostingFacts(id, currency, amount, paid));
    }

    void succeeded(String key, Map<String, String> parameters) {
        effect(key, SideEffectStatus.SUCCEEDED, NOW.minusSeconds(60), parameters);
    }

    void effect(String key, SideEffectStatus status, Instant claimedAt, Map<String, String> parameters) {
        effects.add(new SideEffect(IdempotencyKey.parse(key), status, 1, parameters, null, null,
                NOW.minusSeconds(120), claimedAt, null));
    }

    void recordedPost(String key, String currency, long amount) {
        recorded.add(new ReconciliationReadModel.RecordedPost(key, "succeeded", "ref-" + key, currency, amount, 0));
    }

    void inLedger(String key, String currency, long amount) {
        ledger.add(new LedgerTransaction("ref-" + ledger.size(), key, currency, amount, "d"));
    }

    static Posting posting(ReconciliationReport report, String key) {
        return report.invoices().stream().flatMap(i -> i.postings().stream())
                .filter(p -> p.idempotencyKey().equals(key)).findFirst().orElseThrow();
    }
}
