package io.financehub.ledger.application;

import io.financehub.platform.web.NotFoundException;
import io.financehub.sideeffect.application.SideEffectDispatch;
import io.financehub.ledger.application.AccountingReconciliationQuery.LedgerUnreadableException;
import io.financehub.invoice.application.InvoiceRepository;
import io.financehub.sideeffect.application.SideEffectRepository;
import io.financehub.platform.persistence.TransactionRunner;
import io.financehub.sideeffect.domain.IdempotencyKey;
import io.financehub.invoice.domain.Invoice;
import io.financehub.sideeffect.domain.SideEffect;
import io.financehub.sideeffect.domain.SideEffectAction;
import io.financehub.sideeffect.domain.SideEffectChannel;
import io.financehub.sideeffect.domain.SideEffectStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link RepostLedgerEntryUseCase}: reopens the posting's side effect and dispatches it. The worker that picks it up
 * sees a repeated attempt and looks the key up in the ledger before posting, so a repost of an entry that is in
 * fact there records it instead of adding a second one.
 */
public class LedgerRepostService implements RepostLedgerEntryUseCase {

    private final SideEffectRepository sideEffects;
    private final InvoiceRepository invoices;
    private final AccountingLedger ledger;
    private final SideEffectDispatch dispatch;
    private final TransactionRunner tx;
    private final Clock clock;

    public LedgerRepostService(SideEffectRepository sideEffects, InvoiceRepository invoices, AccountingLedger ledger,
                               SideEffectDispatch dispatch, TransactionRunner tx, Clock clock) {
        this.sideEffects = sideEffects;
        this.invoices = invoices;
        this.ledger = ledger;
        this.dispatch = dispatch;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public Outcome repost(String idempotencyKey) {
        IdempotencyKey key = accountingKey(idempotencyKey);
        Invoice invoice = invoices.find(key.invoiceId())
                .orElseThrow(() -> new NotFoundException("invoice", key.invoiceId()));
        Optional<SideEffect> effect = sideEffects.find(key.value());
        if (effect.isPresent() && !canReopen(effect.get().status())) {
            return Outcome.IN_FLIGHT;
        }
        boolean inLedger = isInLedger(key);
        Instant now = clock.instant();
        if (effect.isEmpty()) {
            // owed but never created (only the receivable and the payment follow from facts alone)
            boolean owed = key.action() == SideEffectAction.POST_INVOICE
                    || (key.action() == SideEffectAction.POST_PAYMENT && invoice.facts().succeeded());
            if (!owed) {
                throw new NotFoundException("posting", key.value(),
                        "the hub owes no posting " + key.value());
            }
            if (inLedger) {
                return Outcome.ALREADY_POSTED;
            }
            if (tx.inTransaction(() -> sideEffects.createIfAbsent(key, Map.of(), now))) {
                dispatch.dispatchAll(List.of(key));
                return Outcome.REQUEUED;
            }
            return Outcome.IN_FLIGHT;
        }
        if (inLedger && effect.get().status() == SideEffectStatus.SUCCEEDED) {
            return Outcome.ALREADY_POSTED;
        }
        if (!tx.inTransaction(() -> sideEffects.reopenForRepost(key.value(), now))) {
            return Outcome.IN_FLIGHT;
        }
        dispatch.dispatchAll(List.of(key));
        return Outcome.REQUEUED;
    }

    private static boolean canReopen(SideEffectStatus status) {
        return status == SideEffectStatus.SUCCEEDED || status == SideEffectStatus.FAILED
                || status == SideEffectStatus.UNKNOWN;
    }

    private boolean isInLedger(IdempotencyKey key) {
        try {
            return ledger.findPosted(key.value()).isPresent();
        } catch (AccountingLedger.LedgerUnavailableException e) {
            throw new LedgerUnreadableException("the " + ledger.kind() + " ledger could not be read: "
                    + e.getMessage(), e);
        }
    }

    private static IdempotencyKey accountingKey(String value) {
        IdempotencyKey key;
        try {
            key = IdempotencyKey.parse(value);
        } catch (IllegalArgumentException e) {
            throw new NotRepostableException(value + " is not an idempotency key");
        }
        if (key.action().channel() != SideEffectChannel.ACCOUNTING) {
            throw new NotRepostableException(value + " is not an accounting posting");
        }
        return key;
    }
}
