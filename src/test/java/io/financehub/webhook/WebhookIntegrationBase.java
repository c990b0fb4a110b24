package io.financehub.webhook;

import io.financehub.support.HubClient;
import io.financehub.support.HubIntegrationBase;
import io.financehub.support.WebhookSigner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Helpers shared by the webhook end-to-end tests: signed deliveries over real HTTP, invoices, database reads. */
public abstract class WebhookIntegrationBase extends HubIntegrationBase {

    static final String STRIPE_PATH = "/webhooks/stripe";
    static final String TWILIO_PATH = "/webhooks/twilio/sms-status";

    @Autowired
    public JdbcTemplate jdbc;

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    HttpResponse<String> postStripe(byte[] body, String signature) {
        return hub().post(STRIPE_PATH, body, signature == null ? Map.of("Content-Type", "application/json")
                : Map.of("Content-Type", "application/json", "Stripe-Signature", signature));
    }

    HttpResponse<String> postSignedStripe(byte[] body) {
        return postStripe(body, WebhookSigner.stripe(body, STRIPE_SECRET));
    }

    HttpResponse<String> postTwilio(Map<String, String> params, String signature) {
        return hub().post(TWILIO_PATH, WebhookSigner.form(params), signature == null
                ? Map.of("Content-Type", "application/x-www-form-urlencoded")
                : Map.of("Content-Type", "application/x-www-form-urlencoded", "X-Twilio-Signature", signature));
    }

    HttpResponse<String> postSignedTwilio(Map<String, String> params) {
        return postTwilio(params, WebhookSigner.twilio(PUBLIC_BASE_URL + TWILIO_PATH, params, TWILIO_TOKEN));
    }

    /** Issues an invoice over the API and waits until its PaymentIntent exists (status AWAITING_PAYMENT). */
    String issueInvoice(long amountMinor, String phone) {
        String invoiceId = unique("INV-WH-");
        assertThat(hub().postInvoice(HubClient.invoiceJson(invoiceId, "USD", amountMinor, phone)).statusCode())
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> paymentIntentOf(invoiceId) != null);
        return invoiceId;
    }

    String paymentIntentOf(String invoiceId) {
        return jdbc.queryForObject("SELECT payment_intent_id FROM invoices WHERE invoice_id = ?", String.class,
                invoiceId);
    }

    String invoiceStatus(String invoiceId) {
        return jdbc.queryForObject("SELECT status FROM invoices WHERE invoice_id = ?", String.class, invoiceId);
    }

    String eventStatus(String provider, String eventId) {
        return jdbc.queryForList("SELECT status FROM webhook_events WHERE provider = ? AND event_id = ?", String.class,
                provider, eventId).stream().findFirst().orElse(null);
    }

    Map<String, Object> eventRow(String provider, String eventId) {
        return jdbc.queryForMap("SELECT * FROM webhook_events WHERE provider = ? AND event_id = ?", provider, eventId);
    }

    int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    int webhookRows() {
        return count("SELECT COUNT(*) FROM webhook_events");
    }

    void awaitEventStatus(String provider, String eventId, String status) {
        awaitEventStatus(provider, eventId, status, Duration.ofSeconds(30));
    }

    void awaitEventStatus(String provider, String eventId, String status, Duration atMost) {
        await().atMost(atMost).untilAsserted(() ->
                assertThat(eventStatus(provider, eventId)).isEqualTo(status));
    }
}
