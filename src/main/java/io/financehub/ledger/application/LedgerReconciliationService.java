package io.financehub.ledger.application;

import io.financehub.invoice.domain.Money;
import io.financehub.ledger.application.AccountingLedger.LedgerTransaction;
import io.financehub.ledger.application.ReconciliationReadModel.InvoicePostingFacts;
import io.financehub.ledger.application.ReconciliationReadModel.RecordedPost;
import io.financehub.ledger.application.ReconciliationReport.CurrencyTotal;
import io.financehub.ledger.application.ReconciliationReport.InvoiceLines;
import io.financehub.ledger.application.ReconciliationReport.LedgerEntry;
import io.financehub.ledger.application.ReconciliationReport.Posting;
import io.financehub.ledger.application.ReconciliationReport.Problem;
import io.financehub.ledger.application.ReconciliationReport.Recorded;
import io.financehub.sideeffect.application.SideEffectPolicy;
import io.financehub.sideeffect.domain.IdempotencyKey;
import io.financehub.sideeffect.domain.SideEffect;
import io.financehub.sideeffect.domain.SideEffectAction;
import io.financehub.sideeffect.domain.SideEffectStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the reconciliation. What the hub owes follows from its own facts: a receivable for every invoice, a payment
 * once the payment succeeded, and every refund delta it created. Each owed posting gets exactly one state, checked in
 * this order: duplicated, amount mismatch, unknown outcome, missing — so a problem is reported once.
 *
 * <p>The hub's tables are read in pages of invoices ({@code (created_at, invoice_id)} keyset), the ledger once per
 * call. A page ({@link #page}) reads its invoices first and the ledger second, keeping only the ledger entries under
 * the page's keys; a full pass ({@link #stream}) reads the ledger first into an index of the period's entries (key →
 * entries, without descriptions), then walks the invoices created before that read in pages, taking each matched key
 * out of the index; what is left is checked, in chunks, for being owed in the period at all.
 */
public class LedgerReconciliationService implements AccountingReconciliationQuery {

    /** Invoices per page of a full pass, and ledger keys per check for being owed. */
    public static final int CHUNK = 500;

    private final ReconciliationReadModel readModel;
    private final AccountingLedger ledger;
    private final SideEffectPolicy policy;
    private final Clock clock;
    private final int chunk;

    public LedgerReconciliationService(ReconciliationReadModel readModel, AccountingLedger ledger,
                                       SideEffectPolicy policy, Clock clock) {
        this(readModel, ledger, policy, clock, CHUNK);
    }

    public LedgerReconciliationService(ReconciliationReadModel readModel, AccountingLedger ledger,
                                       SideEffectPolicy policy, Clock clock, int chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be positive, not " + chunk);
        }
        this.readModel = readModel;
        this.ledger = ledger;
        this.policy = policy;
        this.clock = clock;
        this.chunk = chunk;
    }

    @Override
    public ReconciliationReport page(ReconciliationPeriod period, InvoiceCursor after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, not " + limit);
        }
        Instant now = clock.instant();
        // the hub's tables first, the ledger second: a posting that lands between the two reads then looks present
        // and in progress (ok), never recorded-but-missing
        List<InvoicePostingFacts> invoices = readModel.invoices(period, after, limit + 1);
        boolean more = invoices.size() > limit;
        if (more) {
            invoices = invoices.subList(0, limit);
        }
        HubPage hub = hubPage(invoices);
        Set<String> owedKeys = new HashSet<>();
        hub.owed.values().forEach(list -> list.forEach(o -> owedKeys.add(o.key())));

        boolean first = after == null;
        Map<String, List<LedgerTransaction>> inLedger = new HashMap<>();
        Report report = new Report();
        UnexpectedCheck unexpected = new UnexpectedCheck(period, report);
        if (first) {
            // the first page also lists what the ledger holds that the period does not owe: a pass over its entries
            readLedger(period, t -> {
                if (owedKeys.contains(t.idempotencyKey())) {
                    inLedger.computeIfAbsent(t.idempotencyKey(), k -> new ArrayList<>(1)).add(t);
                } else {
                    unexpected.offer(t);
                }
            });
            unexpected.flush();
        } else if (!owedKeys.isEmpty()) {
            readLedger(owedKeys, since(invoices.get(0).createdAt()),
                    t -> inLedger.computeIfAbsent(t.idempotencyKey(), k -> new ArrayList<>(1)).add(t));
        }
        report.classifyPage(hub, inLedger::remove, now.minus(policy.lease()), null);
        unexpected.report();

        List<ReconciliationReport.UnmatchedEvent> unmatched = !first ? List.of() : readModel
                .unmatchedEvents(period, limit).stream()
                .map(e -> new ReconciliationReport.UnmatchedEvent(e.provider(), e.eventId(), e.type(), e.receivedAt()))
                .toList();
        String next = more ? cursorOf(invoices.get(invoices.size() - 1)).token() : null;
        return new ReconciliationReport(now, ledger.kind(), period.from(), period.to(), List.copyOf(report.invoices),
                List.copyOf(report.missing), List.copyOf(report.duplicated), List.copyOf(report.amountMismatch),
                List.copyOf(report.unknownOutcome), List.copyOf(report.unexpected), unmatched, report.totals(), next);
    }

    @Override
    public ReconciliationSummary stream(ReconciliationPeriod period, ReconciliationSink sink) {
        Instant readAt = clock.instant();
        // the ledger first this time (it is needed by every page): a posting that lands after this read is in flight
        // key → one transaction, or a list of them (a duplicate): the index is the pass's only sizeable memory
        Map<String, Object> index = new HashMap<>();
        Map<String, String> currencies = new HashMap<>();
        readLedger(period, t -> index.merge(t.idempotencyKey(), new LedgerTransaction(t.reference(),
                t.idempotencyKey(), currencies.computeIfAbsent(t.currency(), Function.identity()), t.amountMinor(),
                null), LedgerReconciliationService::together));
        sink.start();

        Report report = new Report();
        Map<String, Long> problems = new TreeMap<>();
        long invoiceCount = 0;
        // invoices created after the ledger was read could not be in it yet
        ReconciliationPeriod walked = period.endingBy(readAt);
        InvoiceCursor after = null;
        while (true) {
            List<InvoicePostingFacts> invoices = readModel.invoices(walked, after, chunk);
            if (invoices.isEmpty()) {
                break;
            }
            report.classifyPage(hubPage(invoices), key -> entries(index.remove(key)),
                    clock.instant().minus(policy.lease()), readAt);
            report.invoices.forEach(sink::invoice);
            invoiceCount += invoices.size();
            report.drainProblemCounts(problems);
            if (invoices.size() < chunk) {
                break;
            }
            after = cursorOf(invoices.get(invoices.size() - 1));
        }

        UnexpectedCheck unexpected = new UnexpectedCheck(period, report);
        for (Object left : index.values()) {
            entries(left).forEach(unexpected::offer);
        }
        index.clear();
        unexpected.flush();
        unexpected.report();
        report.unexpected.forEach(sink::unexpected);
        report.drainProblemCounts(problems);
        return new ReconciliationSummary(readAt, ledger.kind(), period, invoiceCount, problems, report.totals());
    }

    private void readLedger(ReconciliationPeriod period, Consumer<LedgerTransaction> each) {
        LocalDate since = period.from() == null ? null : since(period.from());
        try {
            ledger.transactions(since, each);
        } catch (AccountingLedger.LedgerUnavailableException e) {
            throw unreadable(e);
        }
    }

    private void readLedger(Set<String> keys, LocalDate since, Consumer<LedgerTransaction> each) {
        try {
            ledger.transactions(keys, since, each);
        } catch (AccountingLedger.LedgerUnavailableException e) {
            throw unreadable(e);
        }
    }

    /** A posting is dated when its side effect was created, never before its invoice: a day's margin covers zones. */
    private LocalDate since(Instant createdAt) {
        return LocalDate.ofInstant(createdAt, clock.getZone()).minusDays(1);
    }

    private LedgerUnreadableException unreadable(AccountingLedger.LedgerUnavailableException e) {
        return new LedgerUnreadableException("the " + ledger.kind() + " ledger could not be read: " + e.getMessage(), e);
    }

    @SuppressWarnings("unchecked")
    private static Object together(Object held, Object added) {
        List<LedgerTransaction> list;
        if (held instanceof List<?>) {
            list = (List<LedgerTransaction>) held;
        } else {
            list = new ArrayList<>(2);
            list.add((LedgerTransaction) held);
        }
        list.add((LedgerTransaction) added);
        return list;
    }

    @SuppressWarnings("unchecked")
    private static List<LedgerTransaction> entries(Object held) {
        if (held == null) {
            return null;
        }
        return held instanceof LedgerTransaction t ? List.of(t) : (List<LedgerTransaction>) held;
    }

    private static InvoiceCursor cursorOf(InvoicePostingFacts invoice) {
        return new InvoiceCursor(invoice.createdAt(), invoice.invoiceId());
    }

    /** A page of invoices with what the hub recorded for them, and the postings each owes. */
    private record HubPage(List<InvoicePostingFacts> invoices, Map<String, SideEffect> effects,
                           Map<String, RecordedPost> recorded, Map<String, List<Owed>> owed) {
    }

    private HubPage hubPage(List<InvoicePostingFacts> invoices) {
        List<String> ids = invoices.stream().map(InvoicePostingFacts::invoiceId).toList();
        Map<String, SideEffect> effects = ids.isEmpty() ? Map.of() : readModel.accountingSideEffects(ids).stream()
                .collect(Collectors.toMap(e -> e.key().value(), Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<String, RecordedPost> recorded = ids.isEmpty() ? Map.of() : readModel.recordedPosts(ids).stream()
                .collect(Collectors.toMap(RecordedPost::idempotencyKey, Function.identity(), (a, b) -> a));
        Map<String, List<Owed>> owed = new LinkedHashMap<>();
        for (InvoicePostingFacts invoice : invoices) {
            owed.put(invoice.invoiceId(), owedBy(invoice, effects));
        }
        return new HubPage(invoices, effects, recorded, owed);
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

    private static String invoiceIdOf(String key) {
        return key.contains(":") ? key.substring(0, key.indexOf(':')) : key;
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

    /**
     * Finds, among ledger entries not matched to a page's postings, those the hub does not owe in the period: a
     * chunk of keys at a time, by their invoices. An entry whose invoice the hub does not know belongs to no period
     * and is reported by every call; one whose invoice was created outside the period is another period's business.
     * The entries found are held (they are problems, not the ledger), grouped per key, so duplicates count once.
     */
    private final class UnexpectedCheck {
        private final ReconciliationPeriod period;
        private final Report report;
        private final Map<String, List<LedgerTransaction>> pending = new LinkedHashMap<>();
        private final Map<String, List<LedgerTransaction>> found = new LinkedHashMap<>();

        UnexpectedCheck(ReconciliationPeriod period, Report report) {
            this.period = period;
            this.report = report;
        }

        void offer(LedgerTransaction t) {
            List<LedgerTransaction> known = found.get(t.idempotencyKey());
            if (known != null) {
                known.add(t);
                return;
            }
            pending.computeIfAbsent(t.idempotencyKey(), k -> new ArrayList<>(1)).add(t);
            if (pending.size() >= chunk) {
                flush();
            }
        }

        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            Set<String> ids = new HashSet<>();
            pending.keySet().forEach(k -> ids.add(invoiceIdOf(k)));
            Map<String, InvoicePostingFacts> invoices = readModel.invoicesById(ids).stream()
                    .collect(Collectors.toMap(InvoicePostingFacts::invoiceId, Function.identity()));
            List<InvoicePostingFacts> inPeriod = invoices.values().stream()
                    .filter(i -> period.contains(i.createdAt())).toList();
            Set<String> owed = new HashSet<>();
            if (!inPeriod.isEmpty()) {
                hubPage(inPeriod).owed.values().forEach(list -> list.forEach(o -> owed.add(o.key())));
            }
            pending.forEach((key, transactions) -> {
                InvoicePostingFacts invoice = invoices.get(invoiceIdOf(key));
                boolean otherPeriod = invoice != null && !period.contains(invoice.createdAt());
                if (!otherPeriod && !owed.contains(key)) {
                    found.merge(key, transactions, (a, b) -> {
                        a.addAll(b);
                        return a;
                    });
                }
            });
            pending.clear();
        }

        void report() {
            found.forEach(report::unexpected);
            found.clear();
        }
    }

    /** The report under construction: one page's rows and problems, and the running totals. */
    private static final class Report {
        final List<InvoiceLines> invoices = new ArrayList<>();
        final List<Problem> missing = new ArrayList<>();
        final List<Problem> duplicated = new ArrayList<>();
        final List<Problem> amountMismatch = new ArrayList<>();
        final List<Problem> unknownOutcome = new ArrayList<>();
        final List<Problem> unexpected = new ArrayList<>();
        final Map<String, Sums> totals = new TreeMap<>();

        /**
         * @param ledgerOf     the ledger entries under a key (taken out of the index: each key is owed once)
         * @param ledgerReadAt when the ledger was read, if before the hub's tables: a posting completed after it is
         *                     in flight, not missing
         */
        void classifyPage(HubPage hub, Function<String, List<LedgerTransaction>> ledgerOf, Instant leaseExpiredBefore,
                          Instant ledgerReadAt) {
            invoices.clear();
            for (InvoicePostingFacts invoice : hub.invoices()) {
                List<Posting> postings = new ArrayList<>();
                for (Owed owed : hub.owed().get(invoice.invoiceId())) {
                    List<LedgerTransaction> found = ledgerOf.apply(owed.key());
                    RecordedPost recorded = hub.recorded().get(owed.key());
                    if (recorded != null && SideEffectStatus.SUCCEEDED.dbValue().equals(recorded.status())) {
                        total(recorded.currency(), owed.action().keyPart()).recorded += recorded.amountMinor();
                    }
                    postings.add(classify(owed, invoice.invoiceId(), hub.effects().get(owed.key()), recorded,
                            found == null ? List.of() : found, leaseExpiredBefore, ledgerReadAt));
                }
                invoices.add(new InvoiceLines(invoice.invoiceId(), invoice.currency(), postings));
            }
        }

        void drainProblemCounts(Map<String, Long> counts) {
            for (List<Problem> list : List.of(missing, duplicated, amountMismatch, unknownOutcome, unexpected)) {
                list.forEach(p -> counts.merge(p.kind(), 1L, Long::sum));
                list.clear();
            }
            invoices.clear();
        }

        Posting classify(Owed owed, String invoiceId, SideEffect effect, RecordedPost recorded,
                         List<LedgerTransaction> found, Instant leaseExpiredBefore, Instant ledgerReadAt) {
            String currency = owed.amount().currency();
            long expected = owed.amount().amountMinor();
            total(currency, owed.action().keyPart()).expected += expected;
            found.forEach(t -> total(t.currency(), owed.action().keyPart()).ledger += t.amountMinor());
            Long ledgerMinor = found.isEmpty() ? null : found.stream().mapToLong(LedgerTransaction::amountMinor).sum();
            SideEffectStatus status = effect == null ? null : effect.status();
            boolean settledAfterRead = ledgerReadAt != null && status == SideEffectStatus.SUCCEEDED
                    && effect.completedAt() != null && effect.completedAt().isAfter(ledgerReadAt);

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
            } else if (found.isEmpty() && !settledAfterRead && (status == null || status == SideEffectStatus.SUCCEEDED
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
                listFor(state).add(new Problem(state, owed.key(), invoiceId, currency, expected, ledgerMinor,
                        found.size(), detail));
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
