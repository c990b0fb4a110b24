package io.financehub.payment.application;

import io.financehub.ledger.application.LedgerPostingHandler;
import io.financehub.sideeffect.application.SideEffectDispatch;
import io.financehub.sideeffect.application.SideEffectRepository;
import io.financehub.invoice.application.InvoiceRepository;
import io.financehub.platform.persistence.TransactionRunner;
import io.financehub.sideeffect.domain.IdempotencyKey;
import io.financehub.invoice.domain.Invoice;
import io.financehub.payment.domain.PaymentEvent;
import io.financehub.invoice.domain.PaymentFacts;
import io.financehub.sideeffect.domain.SideEffectAction;
import io.financehub.webhook.domain.WebhookEventStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns payment events into invoice facts and side effects. Facts merge commutatively and every side effect is
 * created under its idempotency key, so duplicates and reordering change nothing. A refund posts only the rise of
 * the charge's cumulative {@code amount_refunded} over what was already posted.
 */
public class PaymentEventService {

    private final InvoiceRepository invoices;
    private final RefundLedger refunds;
    private final SideEffectRepository sideEffects;
    private final SideEffectDispatch dispatch;
    private final TransactionRunner tx;
    private final Clock clock;

    public PaymentEventService(InvoiceRepository invoices, RefundLedger refunds, SideEffectRepository sideEffects,
                               SideEffectDispatch dispatch, TransactionRunner tx, Clock clock) {
        this.invoices = invoices;
        this.refunds = refunds;
        this.sideEffects = sideEffects;
        this.dispatch = dispatch;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Applies a payment vendor's event to its invoice. Applying the same event again, or events in another order,
     * ends in the same state with no second side effect.
     *
     * @return {@code PROCESSED}, or {@code UNMATCHED} when no invoice is known for the event
     */
    public WebhookEventStatus apply(PaymentEvent event) {
        Optional<Invoice> found = findInvoice(event);
        if (found.isEmpty()) {
            return WebhookEventStatus.UNMATCHED;
        }
        Invoice invoice = found.get();
        Instant now = clock.instant();
        List<IdempotencyKey> created = tx.inTransaction(() -> {
            List<IdempotencyKey> keys = new ArrayList<>();
            switch (event.type()) {
                case PAYMENT_SUCCEEDED -> {
                    invoices.mergeFacts(invoice.invoiceId(), new PaymentFacts(true, true, false, 0));
                    create(keys, IdempotencyKey.of(invoice.invoiceId(), SideEffectAction.POST_PAYMENT), Map.of(), now);
                    if (invoice.customer().phone() != null) {
                        create(keys, IdempotencyKey.of(invoice.invoiceId(), SideEffectAction.SMS_PAYMENT_RECEIPT),
                                Map.of(), now);
                    }
                }
                case PAYMENT_FAILED -> {
                    invoices.mergeFacts(invoice.invoiceId(), new PaymentFacts(true, false, true, 0));
                    if (invoice.customer().phone() != null) {
                        create(keys, IdempotencyKey.of(invoice.invoiceId(), SideEffectAction.SMS_PAYMENT_FAILED),
                                Map.of(), now);
                    }
                }
                case CHARGE_REFUNDED -> {
                    // a refunded charge was paid, whichever of the two events arrives first
                    invoices.mergeFacts(invoice.invoiceId(), new PaymentFacts(true, true, false, event.amountRefunded()));
                    long rise = refunds.raisePostedRefund(invoice.invoiceId(), event.amountRefunded());
                    if (rise > 0) {
                        Map<String, String> amount = Map.of(LedgerPostingHandler.AMOUNT_MINOR, Long.toString(rise));
                        create(keys, IdempotencyKey.of(invoice.invoiceId(), SideEffectAction.POST_REFUND, event.eventId()),
                                amount, now);
                        if (invoice.customer().phone() != null) {
                            create(keys, IdempotencyKey.of(invoice.invoiceId(), SideEffectAction.SMS_REFUND,
                                    event.eventId()), amount, now);
                        }
                    }
                }
                default -> throw new IllegalArgumentException("unhandled payment event type " + event.type());
            }
            return keys;
        });
        dispatch.dispatchAll(created);
        return WebhookEventStatus.PROCESSED;
    }

    private void create(List<IdempotencyKey> keys, IdempotencyKey key, Map<String, String> parameters, Instant now) {
        if (sideEffects.createIfAbsent(key, parameters, now)) {
            keys.add(key);
        }
    }

    private Optional<Invoice> findInvoice(PaymentEvent event) {
        if (event.invoiceId() != null) {
            Optional<Invoice> byId = invoices.find(event.invoiceId());
            if (byId.isPresent()) {
                return byId;
            }
        }
        return event.paymentIntentId() == null ? Optional.empty() : invoices.findByPaymentIntent(event.paymentIntentId());
    }
}
