package io.financehub.application.service;

import io.financehub.application.port.out.AccountingLedger;
import io.financehub.application.port.out.AccountingPostLog;
import io.financehub.application.port.out.VendorExchange;
import io.financehub.application.port.out.VendorOutcome;
import io.financehub.domain.model.Invoice;
import io.financehub.domain.model.JournalEntry;
import io.financehub.domain.model.Money;
import io.financehub.domain.model.SideEffect;
import io.financehub.domain.model.SideEffectAction;
import io.financehub.domain.model.SideEffectStatus;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Posts journal entries exactly once. Ledgers without idempotency (hledger-web) are protected by looking the key
 * up before posting again whenever an earlier attempt's outcome is unknown.
 */
public class LedgerPostingHandler implements SideEffectHandler {

    /** Side-effect parameter holding the amount to post when it is not the invoice amount (refund deltas). */
    public static final String AMOUNT_MINOR = "amountMinor";

    private final AccountingLedger ledger;
    private final AccountingPostLog posts;
    private final Clock clock;

    public LedgerPostingHandler(AccountingLedger ledger, AccountingPostLog posts, Clock clock) {
        this.ledger = ledger;
        this.posts = posts;
        this.clock = clock;
    }

    @Override
    public Set<SideEffectAction> actions() {
        return Set.of(SideEffectAction.POST_INVOICE, SideEffectAction.POST_PAYMENT, SideEffectAction.POST_REFUND);
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
        return ledger.post(entry(effect, invoice));
    }

    @Override
    public VendorOutcome resume(SideEffect effect, Invoice invoice) {
        String key = effect.key().value();
        Optional<AccountingLedger.LedgerTransaction> found;
        try {
            found = ledger.findPosted(key);
        } catch (AccountingLedger.LedgerUnavailableException e) {
            // nothing was sent: try again later, never post without knowing whether it is there
            return new VendorOutcome.Retryable("lookup failed: " + e.getMessage(), null,
                    VendorExchange.requestOnly("lookup " + key));
        }
        return found.<VendorOutcome>map(t -> new VendorOutcome.Succeeded(t.reference(),
                        new VendorExchange("lookup " + key, "found existing transaction " + t.reference(), null)))
                .orElseGet(() -> ledger.post(entry(effect, invoice)));
    }

    @Override
    public boolean retriesUnknownOutcome() {
        return true;
    }

    @Override
    public void onOutcome(SideEffect effect, Invoice invoice, VendorOutcome outcome, SideEffectStatus status) {
        posts.finished(effect.key().value(), outcome, status);
    }

    JournalEntry entry(SideEffect effect, Invoice invoice) {
        Money amount = effect.parameters().containsKey(AMOUNT_MINOR)
                ? new Money(effect.parameterAsLong(AMOUNT_MINOR), invoice.amount().currency())
                : invoice.amount();
        LocalDate date = LocalDate.ofInstant(effect.createdAt(), clock.getZone());
        return JournalEntry.forAction(effect.action(), effect.key().value(), invoice, amount, date);
    }
}
