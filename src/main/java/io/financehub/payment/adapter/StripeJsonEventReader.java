package io.financehub.payment.adapter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.webhook.application.MalformedWebhookException;
import io.financehub.payment.application.StripeEventReader;
import io.financehub.webhook.application.WebhookEnvelope;
import io.financehub.payment.domain.PaymentEvent;

import java.util.Optional;

/**
 * Reads Stripe events as plain JSON. stripe-java's typed deserializer is deliberately not used: for an event whose
 * API version differs from the SDK's pinned one it yields an empty object, and every real event would look empty.
 * Only the few fields the hub needs are read: {@code id}, {@code type}, {@code data.object.id},
 * {@code data.object.metadata.invoice_id}, {@code data.object.payment_intent}, {@code data.object.amount_refunded}.
 */
public class StripeJsonEventReader implements StripeEventReader {

    static final int MAX_EVENT_ID = 255;
    static final int MAX_TYPE = 128;
    /** Invoice ids are at most 64 characters; a longer one cannot name a hub invoice. */
    static final int MAX_INVOICE_ID = 64;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    @Override
    public WebhookEnvelope envelope(String payload) {
        JsonNode event = parse(payload);
        String id = requiredText(event, "id", MAX_EVENT_ID);
        String type = requiredText(event, "type", MAX_TYPE);
        JsonNode object = dataObject(event);
        String invoiceId = metadataInvoiceId(object);
        boolean hubInvoiceId = invoiceId != null && invoiceId.length() <= MAX_INVOICE_ID;
        return new WebhookEnvelope(id, type, hubInvoiceId ? invoiceId : null, paymentIntentId(object));
    }

    @Override
    public Optional<PaymentEvent> paymentEvent(String payload) {
        JsonNode event = parse(payload);
        String id = requiredText(event, "id", MAX_EVENT_ID);
        PaymentEvent.Type type = PaymentEvent.Type.ofVendorName(requiredText(event, "type", MAX_TYPE));
        if (type == null) {
            return Optional.empty();
        }
        JsonNode object = dataObject(event);
        long amountRefunded = 0;
        if (type == PaymentEvent.Type.CHARGE_REFUNDED) {
            JsonNode amount = object.get("amount_refunded");
            if (amount == null || !amount.canConvertToLong() || !amount.isIntegralNumber() || amount.asLong() < 0) {
                throw new MalformedWebhookException("charge.refunded without a valid data.object.amount_refunded");
            }
            amountRefunded = amount.asLong();
        }
        return Optional.of(new PaymentEvent(id, type, metadataInvoiceId(object), paymentIntentId(object),
                amountRefunded));
    }

    private static JsonNode parse(String payload) {
        JsonNode event;
        try {
            event = JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new MalformedWebhookException("the body is not valid JSON");
        }
        if (event == null || !event.isObject()) {
            throw new MalformedWebhookException("the body is not a JSON object");
        }
        JsonNode kind = event.get("object");
        if (kind != null && !"event".equals(kind.asText())) {
            throw new MalformedWebhookException("the body is not a Stripe event object");
        }
        return event;
    }

    private static String requiredText(JsonNode event, String field, int maxLength) {
        JsonNode node = event.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new MalformedWebhookException("the event has no " + field);
        }
        if (node.asText().length() > maxLength) {
            throw new MalformedWebhookException("the event's " + field + " is longer than " + maxLength
                    + " characters");
        }
        return node.asText();
    }

    private static JsonNode dataObject(JsonNode event) {
        JsonNode object = event.path("data").path("object");
        if (!object.isObject()) {
            throw new MalformedWebhookException("the event has no data.object");
        }
        return object;
    }

    private static String metadataInvoiceId(JsonNode object) {
        JsonNode invoiceId = object.path("metadata").path("invoice_id");
        return invoiceId.isTextual() && !invoiceId.asText().isBlank() ? invoiceId.asText() : null;
    }

    /** A PaymentIntent's own id, or the PaymentIntent a charge belongs to (an id, or an expanded object). */
    private static String paymentIntentId(JsonNode object) {
        String id;
        if ("payment_intent".equals(object.path("object").asText())) {
            id = object.path("id").asText(null);
        } else {
            JsonNode intent = object.path("payment_intent");
            id = intent.isObject() ? intent.path("id").asText(null) : intent.isTextual() ? intent.asText() : null;
        }
        return id == null || id.isBlank() || id.length() > MAX_EVENT_ID ? null : id;
    }
}
