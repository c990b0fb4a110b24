package io.financehub.ledger.application;

import io.financehub.sideeffect.application.SideEffectPolicy;
import io.financehub.ledger.application.ReconciliationReport.CurrencyTotal;
import io.financehub.ledger.application.ReconciliationReport.InvoiceLines;
import io.financehub.ledger.application.ReconciliationReport.LedgerEntry;
import io.financehub.ledger.application.ReconciliationReport.Posting;
import io.financehub.ledger.application.ReconciliationReport.Problem;
import io.financehub.ledger.application.ReconciliationReport.Recorded;
import io.financehub.ledger.application.AccountingLedger.LedgerTransaction;
import io.financehub.ledger.application.ReconciliationReadModel.InvoicePostingFacts;
import io.financehub.ledger.application.ReconciliationReadModel.RecordedPost;
import io.financehub.sideeffect.domain.IdempotencyKey;
import io.financehub.invoice.domain.Money;
import io.financehub.sideeffect.domain.SideEffect;
import io.financehub.sideeffect.domain.SideEffectAction;
import io.financehub.sideeffect.domain.SideEffectStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the reconciliation report. What the hub owes follows from its own facts: a receivable for every invoice,
 * a payment once the payment succeeded, and every refund delta it created. Each owed posting gets exactly one state,
 * checked in this order: duplicated, amount mismatch, unknown outcome, missing — so a problem is reported once.
 */
public class LedgerReconciliationService implements AccountingReconciliationQuery {

    private final ReconciliationReadModel readModel;
    private final AccountingLedger ledger;
    private final SideEffectPolicy policy;
    private final Clock clock;

    public LedgerReconciliationService(ReconciliationReadModel readModel, AccountingLedger ledger,
                                       SideEffectPolicy policy, Clock clock) {
        this.readModel = readModel;
        this.ledger = ledger;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public ReconciliationReport reconcile() {
        Instant now = clock.instant();
        // the hub's tables first, the ledger second: a posting that lands between the two reads then looks present
        // and in progress (ok), never recorded-but-missing
        List<InvoicePostingFacts> invoices = readModel.invoices();
        Map<String, SideEffect> effects = readModel.accountingSideEffects().stream()
                .collect(Collectors.toMap(e -> e.key().value(), Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<String, RecordedPost> recorded = readModel.recordedPosts().stream()
                .collect(Collectors.toMap(RecordedPost::idempotencyKey, Function.identity(), (a, b) -> a));
        Map<String, List<LedgerTransaction>> inLedger = new LinkedHashMap<>();
        for (LedgerTransaction t : readLedger()) {
            inLedger.computeIfAbsent(t.idempotencyKey(), k -> new ArrayList<>()).add(t);
        }

        Report report = new Report();
        Set<String> owedKeys = new HashSet<>();
        Instant leaseExpiredBefore = now.minus(policy.lease());
        for (InvoicePostingFacts invoice : invoices) {
            List<Posting> postings = new ArrayList<>();
            for (Owed owed : owedBy(invoice, effects)) {
                owedKeys.add(owed.key());
                postings.add(report.classify(owed, invoice.invoiceId(), effects.get(owed.key()),
                        recorded.get(owed.key()), inLedger.getOrDefault(owed.key(), List.of()), leaseExpiredBefore));
            }
            report.invoices.add(new InvoiceLines(invoice.invoiceId(), invoice.currency(), postings));
        }
        inLedger.forEach((key, transactions) -> {
            if (!owedKeys.contains(key)) {
                report.unexpected(key, transactions);
            }
        });
        recorded.values().stream().filter(r -> SideEffectStatus.SUCCEEDED.dbValue().equals(r.status()))
                .forEach(r -> report.total(r.currency(), actionOf(r.idempotencyKey())).recorded += r.amountMinor());

        List<ReconciliationReport.UnmatchedEvent> unmatched = readModel.unmatchedEvents().stream()
                .map(e -> new ReconciliationReport.UnmatchedEvent(e.provider(), e.eventId(), e.type(), e.receivedAt()))
                .toList();
        return new ReconciliationReport(now, ledger.kind(), List.copyOf(report.invoices), List.copyOf(report.missing),
                List.copyOf(report.duplicated), List.copyOf(report.amountMismatch), List.copyOf(report.unknownOutcome),
                List.copyOf(report.unexpected), unmatched, report.totals());
    }

    private List<LedgerTransaction> readLedger() {
        try {
            return ledger.transactions();
        } catch (AccountingLedger.LedgerUnavailableException e) {
            throw new LedgerUnreadableException("the " + ledger.kind() + " ledger could not be read: "
                    + e.getMessage(), e);
        }
    }

    /** A posting the hub owes. */
    private record Owed(String key, SideEffectAction action, Money amount) {
    }

    private static List<Owed> owedBy(InvoicePostingFacts invoice, Map<String, SideEffect> effects) {
        List<Owed> owed = new ArrayList<>();
        Money amount = new Money(invoice.amountMinor(), invoice.currency());
        owed.add(new Owed(IdempotencyKey.of(invoice.invoiceId(), SideEffectAction.POST_INVOICE).value(),
                SideEffectAction.POST_INVOICE, amount));
        if (invoice.paymentSucceeded()) {
            owed.add(new Owed(IdempotencyKey.of(invoice.invoiceId(), SideEffectAction.POST_PAYMENT).value(),
                    SideEffectAction.POST_PAYMENT, amount));
        }
        for (SideEffect effect : effects.values()) {
            if (effect.action() == SideEffectAction.POST_REFUND && effect.invoiceId().equals(invoice.invoiceId())) {
                owed.add(new Owed(effect.key().value(), SideEffectAction.POST_REFUND, new Money(
                        effect.parameterAsLong(LedgerPostingHandler.AMOUNT_MINOR), invoice.currency())));
            }
        }
        return owed;
    }

    private static String actionOf(String key) {
        try {
            return IdempotencyKey.parse(key).action().keyPart();
        } catch (IllegalArgumentException e) {
            return "unknown";
        }
    }

    private static String major(long minor, String currency) {
        return Money.isIsoCurrency(currency) ? new Money(minor, currency).toMajor().toPlainString()
                : Long.toString(minor);
    }

    /** The report under construction. */
    private static final class Report {
        final List<InvoiceLines> invoices = new ArrayList<>();
        final List<Problem> missing = new ArrayList<>();
        final List<Problem> duplicated = new ArrayList<>();
        final List<Problem> amountMismatch = new ArrayList<>();
        final List<Problem> unknownOutcome = new ArrayList<>();
        final List<Problem> unexpected = new ArrayList<>();
        final Map<String, Sums> totals = new TreeMap<>();

        Posting classify(Owed owed, String invoiceId, SideEffect effect, RecordedPost recorded,
                         List<LedgerTransaction> found, Instant leaseExpiredBefore) {
            String currency = owed.amount().currency();
            long expected = owed.amount().amountMinor();
            total(currency, owed.action().keyPart()).expected += expected;
            found.forEach(t -> total(t.currency(), owed.action().keyPart()).ledger += t.amountMinor());
            Long ledgerMinor = found.isEmpty() ? null : found.stream().mapToLong(LedgerTransaction::amountMinor).sum();
            SideEffectStatus status = effect == null ? null : effect.status();

            String state;
            String detail;
            if (found.size() > 1) {
                state = ReconciliationReport.DUPLICATED;
                detail = found.size() + " ledger transactions carry this key: "
                        + found.stream().map(LedgerTransaction::reference).collect(Collectors.joining(", "));
            } else if (found.size() == 1 && (found.get(0).amountMinor() != expected
                    || !found.get(0).currency().equals(currency))) {
                state = ReconciliationReport.AMOUNT_MISMATCH;
                detail = "owed " + currency + " " + major(expected, currency) + ", ledger holds "
                        + found.get(0).currency() + " " + major(found.get(0).amountMinor(), found.get(0).currency());
            } else if (status == SideEffectStatus.FAILED || status == SideEffectStatus.UNKNOWN
                    || (status == SideEffectStatus.IN_PROGRESS && effect.claimedAt() != null
                    && effect.claimedAt().isBefore(leaseExpiredBefore))) {
                state = ReconciliationReport.UNKNOWN_OUTCOME;
                detail = "side effect " + status.dbValue() + " after " + effect.attempts() + " attempt(s)"
                        + (effect.lastError() == null ? "" : " (" + effect.lastError() + ")")
                        + (found.isEmpty() ? "; not in the ledger" : "; the ledger holds it");
            } else if (found.isEmpty() && (status == null || status == SideEffectStatus.SUCCEEDED
                    || status == SideEffectStatus.SKIPPED)) {
                state = ReconciliationReport.MISSING;
                detail = status == null ? "owed but never created" : "recorded " + status.dbValue()
                        + (recorded == null || recorded.journalRef() == null ? "" : " as " + recorded.journalRef())
                        + " but not in the ledger";
            } else if (found.isEmpty()) {
                state = ReconciliationReport.IN_FLIGHT;
                detail = null;
            } else {
                state = ReconciliationReport.OK;
                detail = null;
            }
            if (detail != null) {
                Problem problem = new Problem(state, owed.key(), invoiceId, currency, expected, ledgerMinor,
                        found.size(), detail);
                listFor(state).add(problem);
            }
            List<LedgerEntry> entries = found.stream().map(t -> new LedgerEntry(t.reference(), t.currency(),
                    t.amountMinor(), major(t.amountMinor(), t.currency()))).toList();
            Recorded rec = recorded == null ? null : new Recorded(recorded.status(), recorded.journalRef(),
                    recorded.amountMinor(), recorded.retries());
            return new Posting(owed.key(), owed.action().keyPart(), currency, expected, major(expected, currency),
                    status == null ? null : status.dbValue(), rec, entries, state);
        }

        void unexpected(String key, List<LedgerTransaction> transactions) {
            LedgerTransaction first = transactions.get(0);
            transactions.forEach(t -> total(t.currency(), actionOf(key)).ledger += t.amountMinor());
            String invoiceId = key.contains(":") ? key.substring(0, key.indexOf(':')) : null;
            unexpected.add(new Problem(ReconciliationReport.UNEXPECTED, key, invoiceId, first.currency(), null,
                    transactions.stream().mapToLong(LedgerTransaction::amountMinor).sum(), transactions.size(),
                    "in the ledger as " + transactions.stream().map(LedgerTransaction::reference)
                            .collect(Collectors.joining(", ")) + " but the hub owes no such posting"));
        }

        private List<Problem> listFor(String state) {
            switch (state) {
                case ReconciliationReport.DUPLICATED:
                    return duplicated;
                case ReconciliationReport.AMOUNT_MISMATCH:
                    return amountMismatch;
                case ReconciliationReport.UNKNOWN_OUTCOME:
                    return unknownOutcome;
                default:
                    return missing;
            }
        }

        Sums total(String currency, String action) {
            return totals.computeIfAbsent(currency + "|" + action, k -> new Sums(currency, action));
        }

        List<CurrencyTotal> totals() {
            return totals.values().stream().map(s -> new CurrencyTotal(s.currency, s.action, s.expected, s.recorded,
                    s.ledger, major(s.expected, s.currency), major(s.recorded, s.currency),
                    major(s.ledger, s.currency))).toList();
        }
    }

    /** Running sums for one currency and action. */
    private static final class Sums {
        final String currency;
        final String action;
        long expected;
        long recorded;
        long ledger;

        Sums(String currency, String action) {
            this.currency = currency;
            this.action = action;
        }
    }
}
