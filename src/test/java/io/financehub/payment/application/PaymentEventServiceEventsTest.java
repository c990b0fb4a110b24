package io.financehub.payment.application;

import io.financehub.support.DiscardingSideEffectQueue;
import io.financehub.support.DirectTransactions;
import io.financehub.event.application.RecordingOutbox;
import io.financehub.event.domain.EventType;
import io.financehub.invoice.application.InMemoryInvoices;
import io.financehub.invoice.domain.Customer;
import io.financehub.invoice.domain.Invoice;
import io.financehub.invoice.domain.Money;
import io.financehub.invoice.domain.PaymentFacts;
import io.financehub.payment.domain.PaymentEvent;
import io.financehub.sideeffect.application.InMemorySideEffects;
import io.financehub.sideeffect.application.SideEffectDispatch;
import io.financehub.webhook.domain.WebhookEventStatus;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;

import java.util.Map;

import static io.financehub.payment.domain.PaymentEvent.Type.CHARGE_REFUNDED;
import static io.financehub.payment.domain.PaymentEvent.Type.PAYMENT_FAILED;
import static io.financehub.payment.domain.PaymentEvent.Type.PAYMENT_SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

/** Which payment events publish a domain event: each change of the invoice's facts once, a repeat nothing. */
class PaymentEventServiceEventsTest {

    private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");
    private static final String INVOICE = "INV-PAY-1";

    private final InMemoryInvoices invoices = new InMemoryInvoices(new Invoice(INVOICE,
            new Customer("C-1", "Ada", null), new Money(10_000, "EUR"), "d", "hash", PaymentFacts.NONE, T0));
    private final RecordingOutbox events = new RecordingOutbox();
    private final InMemorySideEffects sideEffects = new InMemorySideEffects();
    private final PaymentEventService service = new PaymentEventService(invoices, new Refunds(),
            sideEffects, new SideEffectDispatch(sideEffects, new DiscardingSideEffectQueue(), Runnable::run),
            events, new DirectTransactions(), Clock.fixed(T0, ZoneOffset.UTC));

    @Test
    void theFirstSuccessPublishesPaymentSucceededAndItsDuplicateNothing() {
        assertThat(service.apply(event("evt_1", PAYMENT_SUCCEEDED, 0))).isEqualTo(WebhookEventStatus.PROCESSED);
        assertThat(events.events()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.PAYMENT_SUCCEEDED);
            assertThat(e.invoiceId()).isEqualTo(INVOICE);
            assertThat(e.data()).containsEntry("amountMinor", 10_000L).containsEntry("currency", "EUR")
                    .containsEntry("paymentIntentId", "pi_1").containsEntry("stripeEventId", "evt_1")
                    .containsEntry("stripeEventType", "payment_intent.succeeded");
        });

        events.clear();
        service.apply(event("evt_1", PAYMENT_SUCCEEDED, 0));
        service.apply(event("evt_1b", PAYMENT_SUCCEEDED, 0));

        assertThat(events.events()).isEmpty();
    }

    @Test
    void aFailureBeforeThePaymentPublishesOnceAndAFailureAfterItNothing() {
        service.apply(event("evt_f1", PAYMENT_FAILED, 0));
        service.apply(event("evt_f1", PAYMENT_FAILED, 0));
        service.apply(event("evt_s", PAYMENT_SUCCEEDED, 0));
        service.apply(event("evt_f2", PAYMENT_FAILED, 0));

        assertThat(events.types()).containsExactly(EventType.PAYMENT_FAILED, EventType.PAYMENT_SUCCEEDED);
    }

    @Test
    void aFailureArrivingAfterThePaymentPublishesNothing() {
        service.apply(event("evt_s", PAYMENT_SUCCEEDED, 0));
        events.clear();

        service.apply(event("evt_f", PAYMENT_FAILED, 0));

        assertThat(events.events()).isEmpty();
    }

    @Test
    void eachRiseOfTheRefundedAmountPublishesItsRiseAndAnOlderRefundNothing() {
        service.apply(event("evt_s", PAYMENT_SUCCEEDED, 0));
        events.clear();

        service.apply(event("evt_r30", CHARGE_REFUNDED, 3_000));
        service.apply(event("evt_r100", CHARGE_REFUNDED, 10_000));
        service.apply(event("evt_r30", CHARGE_REFUNDED, 3_000));

        assertThat(events.events()).hasSize(2).allSatisfy(e -> assertThat(e.type())
                .isEqualTo(EventType.PAYMENT_REFUNDED));
        assertThat(events.events().get(0).data()).containsEntry("refundAmountMinor", 3_000L)
                .containsEntry("amountRefundedMinor", 3_000L)
                .containsEntry("idempotencyKey", INVOICE + ":post-refund:evt_r30");
        assertThat(events.events().get(1).data()).containsEntry("refundAmountMinor", 7_000L)
                .containsEntry("amountRefundedMinor", 10_000L);
    }

    @Test
    void aRefundArrivingBeforeThePaymentAlsoTellsThatTheInvoiceWasPaid() {
        service.apply(event("evt_r", CHARGE_REFUNDED, 2_500));
        service.apply(event("evt_s", PAYMENT_SUCCEEDED, 0));

        assertThat(events.types()).containsExactly(EventType.PAYMENT_SUCCEEDED, EventType.PAYMENT_REFUNDED);
    }

    @Test
    void anEventForNoKnownInvoicePublishesNothing() {
        assertThat(service.apply(new PaymentEvent("evt_x", PAYMENT_SUCCEEDED, "INV-NONE", null, 0)))
                .isEqualTo(WebhookEventStatus.UNMATCHED);
        assertThat(events.events()).isEmpty();
    }

    private static PaymentEvent event(String id, PaymentEvent.Type type, long refunded) {
        return new PaymentEvent(id, type, INVOICE, "pi_1", refunded);
    }

    private static final class Refunds implements RefundLedger {
        private final Map<String, Long> posted = new HashMap<>();

        @Override
        public long raisePostedRefund(String invoiceId, long amountRefunded) {
            long before = posted.getOrDefault(invoiceId, 0L);
            posted.put(invoiceId, Math.max(before, amountRefunded));
            return Math.max(0, amountRefunded - before);
        }
    }
}
