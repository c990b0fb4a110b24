package io.financehub.ledger.application;

import io.financehub.event.application.DomainEventOutbox;
import io.financehub.event.domain.EventType;
import io.financehub.sideeffect.application.SideEffectHandler;
import io.financehub.sideeffect.application.VendorExchange;
import io.financehub.sideeffect.application.VendorOutcome;
import io.financehub.invoice.application.InvoiceRepository;
import io.financehub.invoice.domain.Invoice;
import io.financehub.ledger.domain.JournalEntry;
import io.financehub.invoice.domain.Money;
import io.financehub.sideeffect.domain.SideEffect;
import io.financehub.sideeffect.domain.SideEffectAction;
import io.financehub.sideeffect.domain.SideEffectStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Posts journal entries exactly once. Ledgers without idempotency (hledger-web) are protected by looking the key
 * up before posting again whenever an earlier attempt's outcome is unknown — and, since such a ledger may still
 * write a post the hub stopped waiting for, not before {@link AccountingLedger#lookupDelay} after that post was
 * sent. When it was sent is kept in the audit row, so any replica keeps to it, also after the sender died. A
 * posting that succeeded is reported as {@code ledger.posted} in the transaction that records it.
 */
public class LedgerPostingHandler implements SideEffectHandler<Invoice> {

    /** Side-effect parameter holding the amount to post when it is not the invoice amount (refund deltas). */
    public static final String AMOUNT_MINOR = "amountMinor";

    private final AccountingLedger ledger;
    private final AccountingPostLog posts;
    private final InvoiceRepository invoices;
    private final DomainEventOutbox events;
    private final Clock clock;

    public LedgerPostingHandler(AccountingLedger ledger, AccountingPostLog posts, InvoiceRepository invoices,
                                DomainEventOutbox events, Clock clock) {
        this.ledger = ledger;
        this.posts = posts;
        this.invoices = invoices;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String vendor() {
        return ledger.vendor();
    }

    @Override
    public Set<SideEffectAction> actions() {
        return Set.of(SideEffectAction.POST_INVOICE, SideEffectAction.POST_PAYMENT, SideEffectAction.POST_REFUND);
    }

    @Override
    public Invoice subject(SideEffect effect) {
        return invoices.subjectOf(effect);
    }

    @Override
    public void onClaim(SideEffect effect, Invoice invoice) {
        JournalEntry entry = entry(effect, invoice);
        posts.claimed(entry, ledger.kind(), entry.description());
    }

    @Override
    public VendorOutcome perform(SideEffect effect, Invoice invoice) {
        if (effect.attempts() > 1) {
            // an earlier attempt may have landed even though we recorded no success
            return resume(effect, invoice);
        }
        return post(effect, invoice);
    }

    @Override
    public VendorOutcome resume(SideEffect effect, Invoice invoice) {
        String key = effect.key().value();
        Instant lookupFrom = lookupNotBefore(key);
        Instant now = clock.instant();
        if (lookupFrom != null && now.isBefore(lookupFrom)) {
            // the retry came early (a duplicate delivery, an operator's retry): a lookup now could miss the post
            // still on its way and add a second one
            return new VendorOutcome.Retryable("an earlier post got no answer and may still land in the ledger; "
                    + "lookup not before " + lookupFrom, Duration.between(now, lookupFrom),
                    VendorExchange.requestOnly("not sent: lookup " + key + " deferred until " + lookupFrom));
        }
        Optional<AccountingLedger.LedgerTransaction> found;
        try {
            found = ledger.findPosted(key);
        } catch (AccountingLedger.LedgerUnavailableException e) {
            // nothing was sent: try again later, never post without knowing whether it is there
            return new VendorOutcome.Retryable("lookup failed: " + e.getMessage(), null,
                    VendorExchange.requestOnly("lookup " + key));
        }
        if (found.isPresent()) {
            if (lookupFrom != null) {
                posts.answered(key, now);
            }
            AccountingLedger.LedgerTransaction t = found.get();
            return new VendorOutcome.Succeeded(t.reference(),
                    new VendorExchange("lookup " + key, "found existing transaction " + t.reference(), null));
        }
        return post(effect, invoice);
    }

    /** A retry is a lookup, and a lookup waits for any post still without an answer. */
    @Override
    public Instant retryNotBefore(SideEffect effect) {
        return lookupNotBefore(effect.key().value());
    }

    private Instant lookupNotBefore(String key) {
        if (nothingToWaitFor()) {
            return null;
        }
        return posts.unansweredPostSentAt(key).map(sentAt -> sentAt.plus(ledger.lookupDelay())).orElse(null);
    }

    /** A ledger that refuses a second post under the same key: a late first post cannot make two. */
    private boolean nothingToWaitFor() {
        Duration delay = ledger.lookupDelay();
        return delay.isZero() || delay.isNegative();
    }

    private VendorOutcome post(SideEffect effect, Invoice invoice) {
        JournalEntry entry = entry(effect, invoice);
        if (nothingToWaitFor()) {
            return ledger.post(entry);
        }
        String key = effect.key().value();
        Instant sentAt = clock.instant();
        posts.sending(key, sentAt);
        VendorOutcome outcome = ledger.post(entry);
        if (outcome.exchange().httpStatus() != null) {
            // the ledger answered: it is done with this request, whatever it said
            posts.answered(key, sentAt);
        }
        return outcome;
    }

    @Override
    public boolean retriesUnknownOutcome(SideEffect effect) {
        return true;
    }

    @Override
    public void onOutcome(SideEffect effect, Invoice invoice, VendorOutcome outcome, SideEffectStatus status) {
        posts.finished(effect.key().value(), outcome, status);
        if (status == SideEffectStatus.SUCCEEDED) {
            events.record(EventType.LEDGER_POSTED, invoice.invoiceId(), postedData(entry(effect, invoice), effect,
                    outcome.reference()));
        }
    }

    private Map<String, Object> postedData(JournalEntry entry, SideEffect effect, String journalRef) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("idempotencyKey", entry.idempotencyKey());
        data.put("action", effect.action().keyPart());
        data.put("journalRef", journalRef);
        data.put("ledger", ledger.kind());
        data.put("amountMinor", entry.amount().amountMinor());
        data.put("currency", entry.amount().currency());
        data.put("debitAccount", entry.debitAccount());
        data.put("creditAccount", entry.creditAccount());
        data.put("date", entry.date().toString());
        return data;
    }

    JournalEntry entry(SideEffect effect, Invoice invoice) {
        Money amount = effect.parameters().containsKey(AMOUNT_MINOR)
                ? new Money(effect.parameterAsLong(AMOUNT_MINOR), invoice.amount().currency())
                : invoice.amount();
        LocalDate date = LocalDate.ofInstant(effect.createdAt(), clock.getZone());
        return JournalEntry.forAction(effect.action(), effect.key().value(), invoice, amount, date);
    }
}
