package io.financehub.webhook;

import io.financehub.payment.application.PaymentEventService;
import io.financehub.webhook.application.WebhookProcessingService;
import io.financehub.payment.application.StripeEventReader;
import io.financehub.webhook.application.WebhookEventStore;
import io.financehub.webhook.application.WebhookEventStore.NewWebhookEvent;
import io.financehub.payment.domain.PaymentEvent;
import io.financehub.webhook.domain.WebhookEventStatus;
import io.financehub.webhook.domain.WebhookProvider;
import io.financehub.support.HubClient;
import io.financehub.support.WebhookSigner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * Processing throws after the event is stored and acknowledged (as a database outage would): the broker
 * redelivers, and the event's effect is applied once; a copy that fails after another copy applied the event does
 * not undo it; a payment that arrived before its invoice and whose re-run fails is retried, or dead-lettered for an
 * operator's retry. Its own application context, closed afterwards, because the payment use case is wrapped in a spy
 * here.
 */
@DirtiesContext
class WebhookProcessingFailureIT extends WebhookIntegrationBase {

    static final String PHONE = "+15551230199";

    @MockitoSpyBean
    PaymentEventService payments;
    @Autowired
    WebhookProcessingService processing;
    @Autowired
    WebhookEventStore store;
    @Autowired
    StripeEventReader reader;

    @Test
    void aProcessingFailureIsRedeliveredAndTheEventAppliedOnce() {
        String invoiceId = issueInvoice(6100, null);
        String eventId = unique("evt_throw_");
        doThrow(new IllegalStateException("simulated database outage")).doCallRealMethod().when(payments)
                .apply(argThat((PaymentEvent e) -> e != null && eventId.equals(e.eventId())));

        assertThat(postSignedStripe(WebhookSigner.stripeEvent(eventId, "payment_intent.succeeded",
                WebhookSigner.paymentIntent(paymentIntentOf(invoiceId), invoiceId, 6100))).body())
                .contains("\"status\":\"accepted\"");

        awaitEventStatus("stripe", eventId, "processed");
        verify(payments, times(2)).apply(argThat((PaymentEvent e) -> e != null && eventId.equals(e.eventId())));
        assertThat(eventRow("stripe", eventId)).containsEntry("attempts", 2).containsEntry("last_error", null);
        assertThat(invoiceStatus(invoiceId)).isEqualTo("PAID");
        assertThat(count("SELECT COUNT(*) FROM idempotency_keys WHERE invoice_id = ? AND action = 'post-payment'",
                invoiceId)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED WHERE messageId = ?", "stripe:" + eventId))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM dead_letters WHERE body = ?", eventId)).isZero();
    }

    @Test
    void aCopyThatFailsAfterAnotherCopyAppliedTheEventLeavesItProcessed() {
        String invoiceId = issueInvoice(6200, null);
        String eventId = unique("evt_race_");
        String payload = new String(WebhookSigner.stripeEvent(eventId, "payment_intent.succeeded",
                WebhookSigner.paymentIntent(paymentIntentOf(invoiceId), invoiceId, 6200)), StandardCharsets.UTF_8);
        // stored without a message: the two copies below are the only runs
        store.insertIfAbsent(new NewWebhookEvent(WebhookProvider.STRIPE, reader.envelope(payload), "0".repeat(64),
                payload, Instant.now()));
        AtomicInteger calls = new AtomicInteger();
        doAnswer(call -> {
            if (calls.incrementAndGet() == 1) {
                // copy B (this one) is slow; copy A, on another replica, runs meanwhile and applies the event
                assertThat(processing.process("stripe", eventId)).isEqualTo(WebhookEventStatus.PROCESSED);
                throw new IllegalStateException("copy B lost its database connection");
            }
            return call.callRealMethod();
        }).when(payments).apply(argThat((PaymentEvent e) -> e != null && eventId.equals(e.eventId())));

        assertThatThrownBy(() -> processing.process("stripe", eventId)).hasMessageContaining("copy B");

        assertThat(eventStatus("stripe", eventId)).isEqualTo("processed");
        assertThat(eventRow("stripe", eventId)).containsEntry("last_error", null).containsEntry("attempts", 2);
        assertThat(invoiceStatus(invoiceId)).isEqualTo("PAID");
        assertThat(count("SELECT COUNT(*) FROM idempotency_keys WHERE invoice_id = ? AND action = 'post-payment'",
                invoiceId)).isEqualTo(1);
    }

    @Test
    void aFailedReRunOfAPaymentThatArrivedBeforeItsInvoiceIsRetriedUntilItIsPostedAndReceipted() {
        String invoiceId = unique("INV-EARLY-");
        String eventId = unique("evt_early_");
        // first run: no invoice yet (unmatched); second run, the relay's once the invoice exists: fails
        doCallRealMethod().doThrow(new IllegalStateException("simulated outage during the re-run"))
                .doCallRealMethod().when(payments).apply(argThat((PaymentEvent e) -> e != null
                        && eventId.equals(e.eventId())));
        assertThat(postSignedStripe(WebhookSigner.stripeEvent(eventId, "payment_intent.succeeded",
                WebhookSigner.paymentIntent("pi_" + eventId, invoiceId, 4200))).statusCode()).isEqualTo(200);
        awaitEventStatus("stripe", eventId, "unmatched");

        assertThat(hub().postInvoice(HubClient.invoiceJson(invoiceId, "USD", 4200, PHONE)).statusCode())
                .isEqualTo(202);

        awaitEventStatus("stripe", eventId, "processed", Duration.ofSeconds(60));
        verify(payments, times(3)).apply(argThat((PaymentEvent e) -> e != null && eventId.equals(e.eventId())));
        assertThat(invoiceStatus(invoiceId)).isEqualTo("PAID");
        assertThat(count("SELECT COUNT(*) FROM idempotency_keys WHERE invoice_id = ? AND action = 'post-payment'",
                invoiceId)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(count("SELECT COUNT(*) FROM "
                + "idempotency_keys WHERE invoice_id = ? AND action = 'sms-payment-receipt' AND status = 'succeeded'",
                invoiceId)).isEqualTo(1));
        assertThat(count("SELECT COUNT(*) FROM dead_letters WHERE body = ?", eventId)).isZero();
    }

    @Test
    void aReRunThatKeepsFailingBecomesADeadLetterWhoseRetryAppliesTheEvent() {
        String invoiceId = unique("INV-EARLY-");
        String eventId = unique("evt_early_dl_");
        doCallRealMethod().doThrow(new IllegalStateException("simulated lasting outage")).when(payments)
                .apply(argThat((PaymentEvent e) -> e != null && eventId.equals(e.eventId())));
        assertThat(postSignedStripe(WebhookSigner.stripeEvent(eventId, "payment_intent.succeeded",
                WebhookSigner.paymentIntent("pi_" + eventId, invoiceId, 4300))).statusCode()).isEqualTo(200);
        awaitEventStatus("stripe", eventId, "unmatched");
        assertThat(hub().postInvoice(HubClient.invoiceJson(invoiceId, "USD", 4300, null)).statusCode())
                .isEqualTo(202);

        // the broker's redeliveries (1 s, doubling, 6 deliveries) run out: a dead letter an operator can retry
        await().atMost(Duration.ofSeconds(90)).until(() -> count("SELECT COUNT(*) FROM dead_letters "
                + "WHERE queue = 'hub.webhooks.stripe' AND body = ? AND status = 'open'", eventId) == 1);
        assertThat(eventStatus("stripe", eventId)).isEqualTo("failed");
        assertThat(invoiceStatus(invoiceId)).isEqualTo("AWAITING_PAYMENT");

        doCallRealMethod().when(payments).apply(argThat((PaymentEvent e) -> e != null
                && eventId.equals(e.eventId())));
        long id = jdbc.queryForObject("SELECT id FROM dead_letters WHERE body = ?", Long.class, eventId);
        assertThat(hub().postAdmin("/admin/dead-letters/" + id + "/retry").statusCode()).isEqualTo(200);

        awaitEventStatus("stripe", eventId, "processed");
        assertThat(invoiceStatus(invoiceId)).isEqualTo("PAID");
        assertThat(count("SELECT COUNT(*) FROM idempotency_keys WHERE invoice_id = ? AND action = 'post-payment'",
                invoiceId)).isEqualTo(1);
    }
}
