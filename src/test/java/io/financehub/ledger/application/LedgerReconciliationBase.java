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
import java.util.Collection;
import java.util.Comparator;
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

    /** How often the ledger was read: once per call, whatever the number of pages or invoices. */
    int ledgerReads;
    /** The largest page of invoices the service asked the read model for. */
    int largestInvoicePage;

    /** Every invoice on one page, as the report used to be. */
    ReconciliationReport reconcile() {
        return page(ReconciliationPeriod.ALL, null, 1000);
    }

    ReconciliationReport page(ReconciliationPeriod period, InvoiceCursor after, int limit) {
        return service(LedgerReconciliationService.CHUNK).page(period, after, limit);
    }

    ReconciliationSummary stream(ReconciliationPeriod period, int chunk, ReconciliationSink sink) {
        return service(chunk).stream(period, sink);
    }

    LedgerReconciliationService service(int chunk) {
        return new LedgerReconciliationService(new ListReadModel(), new FakeLedger(), POLICY,
                Clock.fixed(NOW, ZoneOffset.UTC), chunk);
    }

    /** The hub's tables as lists, with the read model's paging and period rules. */
    private final class ListReadModel implements ReconciliationReadModel {
        @Override
        public List<InvoicePostingFacts> invoices(ReconciliationPeriod period, InvoiceCursor after, int limit) {
            largestInvoicePage = Math.max(largestInvoicePage, limit);
            return invoices.stream().filter(i -> period.contains(i.createdAt()))
                    .sorted(Comparator.comparing(InvoicePostingFacts::createdAt)
                            .thenComparing(InvoicePostingFacts::invoiceId))
                    .filter(i -> after == null || i.createdAt().isAfter(after.createdAt())
                            || (i.createdAt().equals(after.createdAt()) && i.invoiceId().compareTo(after.invoiceId()) > 0))
                    .limit(limit).toList();
        }

        @Override
        public List<InvoicePostingFacts> invoicesById(Collection<String> invoiceIds) {
            return invoices.stream().filter(i -> invoiceIds.contains(i.invoiceId())).toList();
        }

        @Override
        public List<SideEffect> accountingSideEffects(Collection<String> invoiceIds) {
            return effects.stream().filter(e -> invoiceIds.contains(e.invoiceId())).toList();
        }

        @Override
        public List<RecordedPost> recordedPosts(Collection<String> invoiceIds) {
            return recorded.stream().filter(r -> invoiceIds.contains(r.idempotencyKey().split(":")[0])).toList();
        }

        @Override
        public List<UnmatchedEvent> unmatchedEvents(ReconciliationPeriod period, int limit) {
            return unmatched.stream().filter(e -> period.contains(e.receivedAt())).limit(limit).toList();
        }
    }

    private final class FakeLedger implements AccountingLedger {
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
            throw new UnsupportedOperationException("reconciliation reads the ledger whole");
        }

        @Override
        public List<LedgerTransaction> transactions() {
            ledgerReads++;
            if (ledgerDown) {
                throw new LedgerUnavailableException("connection refused", null);
            }
            return ledger;
        }
    }

    /** An invoice created a second after the one before, so the order is the order of the calls. */
    void invoice(String id, String currency, long amount, boolean paid) {
        invoice(id, currency, amount, paid, NOW.minusSeconds(86_400).plusSeconds(invoices.size()));
    }

    void invoice(String id, String currency, long amount, boolean paid, Instant createdAt) {
        invoices.add(new ReconciliationReadModel.InvoicePostingFacts(id, currency, amount, paid, createdAt));
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
