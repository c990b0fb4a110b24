package io.financehub.flow;

import io.financehub.support.FlowIntegrationBase;
import io.financehub.support.JmsTestClient;
import io.financehub.support.WebhookSigner;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The CRM example driven by the hub itself, no event published by hand: invoices issued over the API, then signed
 * Stripe webhooks for two invoices, interleaved, duplicated and out of order (a refund before the payment), go through
 * ingestion, the domain-event publisher and {@code hub.events} to {@code crm-payment-sync}; a republished copy of the
 * hub's own event (its publisher's at-least-once re-send) changes nothing. One CRM request per invoice.
 */
class CrmPaymentSyncWebhookIT extends FlowIntegrationBase {

    private static final long AMOUNT = 12_500;

    @Test
    void duplicateAndOutOfOrderStripeWebhooksOfTwoInvoicesReachTheCrmOncePerInvoice() {
        String a = newInvoiceId();
        String b = newInvoiceId();
        issue(a);
        issue(b);
        String piA = awaitPaymentIntent(a);
        String piB = awaitPaymentIntent(b);

        byte[] aPaid = event("evt_" + a + "_paid", "payment_intent.succeeded", WebhookSigner.paymentIntent(piA, a, AMOUNT));
        byte[] bRefund = event("evt_" + b + "_refund", "charge.refunded",
                WebhookSigner.charge("ch_" + b, piB, b, AMOUNT, 2_000));
        byte[] bPaid = event("evt_" + b + "_paid", "payment_intent.succeeded", WebhookSigner.paymentIntent(piB, b, AMOUNT));
        byte[] aFailed = event("evt_" + a + "_failed", "payment_intent.payment_failed",
                WebhookSigner.paymentIntent(piA, a, AMOUNT));
        for (byte[] delivery : List.of(bRefund, aPaid, aPaid, bPaid, aFailed, bRefund, bPaid, aPaid)) {
            HttpResponse<String> answer = postSignedStripe(delivery);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        }

        String keyA = a + ":crm-payment-sync";
        String keyB = b + ":crm-payment-sync";
        awaitStatus(keyA, "succeeded");
        awaitStatus(keyB, "succeeded");
        assertThat(publishedPaymentSucceeded(a)).as("the hub publishes payment.succeeded once per invoice").hasSize(1);
        assertThat(publishedPaymentSucceeded(b)).hasSize(1);

        try (JmsTestClient jms = jms()) {
            republish(jms, a);
            republish(jms, b);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> consumed(keyA) == 2 && consumed(keyB) == 2);

        assertThat(crmRequests(keyA)).hasSize(1);
        assertThat(crmRequests(keyB)).hasSize(1);
        assertThat(crmRequests(keyB).get(0).getBodyAsString()).contains("\"eventType\":\"payment.succeeded\"",
                "\"invoiceId\":\"" + b + "\"");
        assertThat(flowCalls(keyA)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("status", "succeeded").containsEntry("http_status", 200));
        assertThat(flowCalls(keyB)).hasSize(1);
        assertThat(hub().getApi("/api/invoices/" + b).body()).contains("\"flowCalls\":[{\"idempotencyKey\":\""
                + keyB + "\"");
    }

    private static byte[] event(String id, String type, String object) {
        return WebhookSigner.stripeEvent(id, type, object);
    }

    private HttpResponse<String> postSignedStripe(byte[] body) {
        return hub().post("/webhooks/stripe", body, Map.of("Content-Type", "application/json",
                "Stripe-Signature", WebhookSigner.stripe(body, STRIPE_SECRET)));
    }

    private String awaitPaymentIntent(String invoiceId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT payment_intent_id FROM invoices WHERE invoice_id = ?", String.class, invoiceId) != null);
        return jdbc.queryForObject("SELECT payment_intent_id FROM invoices WHERE invoice_id = ?", String.class,
                invoiceId);
    }

    private List<Map<String, Object>> publishedPaymentSucceeded(String invoiceId) {
        return jdbc.queryForList("SELECT event_id, payload FROM domain_events WHERE invoice_id = ? "
                + "AND event_type = 'payment.succeeded' AND published_at IS NOT NULL", invoiceId);
    }

    /** Sends the hub's own published event again, as its publisher does after a crash between send and mark. */
    private void republish(JmsTestClient jms, String invoiceId) {
        Map<String, Object> event = publishedPaymentSucceeded(invoiceId).get(0);
        jms.publish(EVENTS, (String) event.get("payload"), Map.of("eventType", "payment.succeeded",
                "eventId", (String) event.get("event_id"), "invoiceId", invoiceId));
    }

    private int consumed(String key) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM route_exchanges WHERE route_id = 'crm-payment-sync' "
                + "AND correlation_key = ?", Integer.class, key);
    }
}
