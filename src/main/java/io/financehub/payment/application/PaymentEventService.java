package io.financehub.payment.application;

import io.financehub.event.application.DomainEventOutbox;
import io.financehub.event.domain.EventType;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns payment events into invoice facts and side effects. Facts merge commutatively and every side effect is
 * created under its idempotency key, so duplicates and reordering change nothing. A refund posts only the rise of
 * the charge's cumulative {@code amount_refunded} over what was already posted. Each change of the invoice's facts
 * is reported in the same transaction as a domain event: {@code payment.succeeded} when the invoice is first known
 * paid (by its PaymentIntent's success, or by a refund of its charge arriving first), {@code payment.failed} when a
 * failure is first known of an invoice not paid, {@code payment.refunded} for each rise of the refunded amount.
 */
public class PaymentEventService {

    private final InvoiceRepository invoices;
    private final RefundLedger refunds;
    private final SideEffectRepository sideEffects;
    private final SideEffectDispatch dispatch;
    private final DomainEventOutbox events;
    private final TransactionRunner tx;
    private final Clock clock;

    public PaymentEventService(InvoiceRepository invoices, RefundLedger refunds, SideEffectRepository sideEffects,
                               SideEffectDispatch dispatch, DomainEventOutbox events, TransactionRunner tx,
                               Clock clock) {
        this.invoices = invoices;
        this.refunds = refunds;
        this.sideEffects = sideEffects;
        this.dispatch = dispatch;
        this.events = events;
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
                    PaymentFacts before = invoices.mergeFacts(invoice.invoiceId(), new PaymentFacts(true, true, false, 0));
                    if (!before.succeeded()) {
                        events.record(EventType.PAYMENT_SUCCEEDED, invoice.invoiceId(), data(event, invoice));
                    }
                    create(keys, IdempotencyKey.of(invoice.invoiceId(), SideEffectAction.POST_PAYMENT), Map.of(), now);
                    if (invoice.customer().phone() != null) {
                        create(keys, IdempotencyKey.of(invoice.invoiceId(), SideEffectAction.SMS_PAYMENT_RECEIPT),
                                Map.of(), now);
                    }
                }
                case PAYMENT_FAILED -> {
                    PaymentFacts before = invoices.mergeFacts(invoice.invoiceId(), new PaymentFacts(true, false, true, 0));
                    // a failure reported after the payment (a retried card, a late event) leaves the invoice paid
                    if (!before.failed() && !before.succeeded()) {
                        events.record(EventType.PAYMENT_FAILED, invoice.invoiceId(), data(event, invoice));
                    }
                    if (invoice.customer().phone() != null) {
                        create(keys, IdempotencyKey.of(invoice.invoiceId(), SideEffectAction.SMS_PAYMENT_FAILED),
                                Map.of(), now);
                    }
                }
                case CHARGE_REFUNDED -> {
                    // a refunded charge was paid, whichever of the two events arrives first
                    PaymentFacts before = invoices.mergeFacts(invoice.invoiceId(),
                            new PaymentFacts(true, true, false, event.amountRefunded()));
                    if (!before.succeeded()) {
                        events.record(EventType.PAYMENT_SUCCEEDED, invoice.invoiceId(), data(event, invoice));
                    }
                    long rise = refunds.raisePostedRefund(invoice.invoiceId(), event.amountRefunded());
                    if (rise > 0) {
                        Map<String, Object> refunded = data(event, invoice);
                        refunded.put("refundAmountMinor", rise);
                        refunded.put("amountRefundedMinor", event.amountRefunded());
                        refunded.put("idempotencyKey",
                                IdempotencyKey.of(invoice.invoiceId(), SideEffectAction.POST_REFUND, event.eventId())
                                        .value());
                        events.record(EventType.PAYMENT_REFUNDED, invoice.invoiceId(), refunded);
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

    /** What every payment event tells a flow: the invoice's amount, its PaymentIntent and the vendor's event. */
    private static Map<String, Object> data(PaymentEvent event, Invoice invoice) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("amountMinor", invoice.amount().amountMinor());
        data.put("currency", invoice.amount().currency());
        data.put("paymentIntentId", event.paymentIntentId());
        data.put("stripeEventId", event.eventId());
        data.put("stripeEventType", event.type().vendorName());
        return data;
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
