package io.financehub.invoice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.payment.application.PaymentEventService;
import io.financehub.payment.domain.PaymentEvent;
import io.financehub.webhook.domain.WebhookEventStatus;
import io.financehub.support.HubClient;
import io.financehub.support.LiveStripeIntegrationBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The invoice timeline, and the webhook-driven payment state applied through the
 * {@link PaymentEventService} (the webhook endpoints that call it are built separately).
 */
class InvoiceTimelineIT extends LiveStripeIntegrationBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PHONE = "+15551234567";

    @Autowired
    PaymentEventService paymentEvents;

    @Test
    void timelineCarriesTheDocumentedFields() throws Exception {
        String id = newInvoiceId();
        hub().postInvoice(HubClient.invoiceJson(id, "USD", 12500, PHONE));
        awaitStatuses(id, Map.of(paymentKey(id), "succeeded", id + ":post-invoice", "succeeded"));

        JsonNode timeline = timeline(id);

        assertThat(timeline.get("invoiceId").asText()).isEqualTo(id);
        assertThat(timeline.get("status").asText()).isEqualTo("AWAITING_PAYMENT");
        assertThat(timeline.get("currency").asText()).isEqualTo("USD");
        assertThat(timeline.get("amountMinor").asLong()).isEqualTo(12500);
        assertThat(timeline.get("webhookEvents").isArray()).isTrue();
        assertThat(entries(timeline, "payments")).containsExactlyEntriesOf(Map.of(paymentKey(id), "succeeded"));
        assertThat(entries(timeline, "accountingPosts")).containsExactlyEntriesOf(Map.of(id + ":post-invoice", "succeeded"));
        assertThat(entries(timeline, "smsMessages")).containsOnlyKeys(id + ":sms-invoice-issued");
        for (String list : new String[] {"payments", "accountingPosts", "smsMessages"}) {
            timeline.get(list).forEach(e -> assertThat(e.get("status").asText()).isNotBlank());
        }
    }

    @Test
    void unknownInvoiceIsNotFound() throws Exception {
        HttpResponse<String> answer = hub().getApi("/api/invoices/INV-does-not-exist");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        JsonNode error = JSON.readTree(answer.body());
        assertThat(error.get("error").asText()).isEqualTo("not_found");
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.has("details")).isTrue();
    }

    @Test
    void timelineNeedsTheBearerToken() {
        assertThat(hub().get("/api/invoices/INV-any", Map.of()).statusCode()).isEqualTo(401);
        assertThat(hub().get("/api/invoices/INV-any", Map.of("Authorization", "Bearer wrong")).statusCode())
                .isEqualTo(401);
    }

    @Test
    void paymentSucceededMakesTheInvoicePaidAndEnqueuesPostPaymentAndReceipt() throws Exception {
        String id = newInvoiceId();
        hub().postInvoice(HubClient.invoiceJson(id, "JPY", 12500, PHONE));
        awaitStatuses(id, Map.of(paymentKey(id), "succeeded"));
        PaymentEvent succeeded = new PaymentEvent("evt_" + id, PaymentEvent.Type.PAYMENT_SUCCEEDED, id, null, 0);

        assertThat(paymentEvents.apply(succeeded)).isEqualTo(WebhookEventStatus.PROCESSED);
        // the same event again (Stripe delivers at least once) changes nothing
        assertThat(paymentEvents.apply(succeeded)).isEqualTo(WebhookEventStatus.PROCESSED);

        awaitStatuses(id, Map.of(id + ":post-invoice", "succeeded", id + ":post-payment", "succeeded"));
        JsonNode timeline = timeline(id);
        assertThat(timeline.get("status").asText()).isEqualTo("PAID");
        assertThat(entries(timeline, "accountingPosts")).containsOnlyKeys(id + ":post-invoice", id + ":post-payment");
        assertThat(entries(timeline, "smsMessages")).containsOnlyKeys(id + ":sms-invoice-issued",
                id + ":sms-payment-receipt");
        entries(timeline, "smsMessages").values().forEach(status -> assertThat(status).isNotBlank());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_keys WHERE invoice_id = ?", Integer.class, id))
                .isEqualTo(5);
    }

    @Test
    void paymentFailedIsShownAndEnqueuesTheFailureSms() throws Exception {
        String id = newInvoiceId();
        hub().postInvoice(HubClient.invoiceJson(id, "EUR", 700, PHONE));

        assertThat(paymentEvents.apply(new PaymentEvent("evt_f_" + id, PaymentEvent.Type.PAYMENT_FAILED, id, null, 0)))
                .isEqualTo(WebhookEventStatus.PROCESSED);

        JsonNode timeline = timeline(id);
        assertThat(timeline.get("status").asText()).isEqualTo("PAYMENT_FAILED");
        assertThat(entries(timeline, "smsMessages")).containsKeys(id + ":sms-payment-failed");
        assertThat(entries(timeline, "accountingPosts")).doesNotContainKey(id + ":post-payment");
    }

    @Test
    void eventForAnUnknownInvoiceIsUnmatched() {
        assertThat(paymentEvents.apply(new PaymentEvent("evt_u", PaymentEvent.Type.PAYMENT_SUCCEEDED,
                "INV-never-issued", "pi_never", 0))).isEqualTo(WebhookEventStatus.UNMATCHED);
    }

    private void awaitStatuses(String id, Map<String, String> expected) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> expected.forEach((key, status) ->
                assertThat(sideEffectStatus(key)).as(key).isEqualTo(status)));
    }

    private JsonNode timeline(String id) throws Exception {
        HttpResponse<String> answer = hub().getApi("/api/invoices/" + id);
        assertThat(answer.statusCode()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    /** The timeline list's entries as idempotency key → status. */
    private static Map<String, String> entries(JsonNode timeline, String list) {
        Map<String, String> byKey = new HashMap<>();
        timeline.get(list).forEach(e -> byKey.put(e.get("idempotencyKey").asText(), e.get("status").asText()));
        return byKey;
    }

    private static String newInvoiceId() {
        return "INV-TL-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
