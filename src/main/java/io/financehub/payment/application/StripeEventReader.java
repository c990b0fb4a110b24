package io.financehub.payment.application;

import io.financehub.webhook.application.MalformedWebhookException;
import io.financehub.webhook.application.WebhookEnvelope;
import io.financehub.payment.domain.PaymentEvent;

import java.util.Optional;

/** Reads Stripe event payloads (JSON text), whatever API version the sending account is on. */
public interface StripeEventReader {

    /**
     * @throws MalformedWebhookException when the payload is not a Stripe event ({@code id}, {@code type},
     *                                   {@code data.object}) or its id or type is too long
     */
    WebhookEnvelope envelope(String payload);

    /**
     * @return the payment event of a handled type ({@code payment_intent.succeeded},
     * {@code payment_intent.payment_failed}, {@code charge.refunded}); empty for any other type
     * @throws MalformedWebhookException when a handled type lacks what the hub needs from it
     */
    Optional<PaymentEvent> paymentEvent(String payload);
}
