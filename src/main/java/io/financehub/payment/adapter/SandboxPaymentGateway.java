package io.financehub.payment.adapter;

import io.financehub.payment.application.PaymentGateway;
import io.financehub.sideeffect.application.VendorExchange;
import io.financehub.sideeffect.application.VendorOutcome;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Stripe test mode in process: answers like {@code POST /v1/payment_intents} would, and, like Stripe, returns the
 * same PaymentIntent for the same idempotency key (its id is derived from the key).
 */
public class SandboxPaymentGateway implements PaymentGateway {

    @Override
    public String vendor() {
        return "sandbox-stripe";
    }

    @Override
    public VendorOutcome createPaymentIntent(PaymentIntentRequest request) {
        String id = "pi_sandbox_" + digest(request.idempotencyKey()).substring(0, 24);
        String requestText = "POST /v1/payment_intents amount=" + request.amount().amountMinor() + "&currency="
                + request.amount().currency().toLowerCase() + "&metadata[invoice_id]=" + request.invoiceId()
                + " Idempotency-Key: " + request.idempotencyKey();
        String response = "{\"id\":\"" + id + "\",\"object\":\"payment_intent\",\"amount\":"
                + request.amount().amountMinor() + ",\"currency\":\"" + request.amount().currency().toLowerCase()
                + "\",\"status\":\"requires_payment_method\",\"livemode\":false,\"metadata\":{\"invoice_id\":\""
                + request.invoiceId() + "\"}}";
        return new VendorOutcome.Succeeded(id, new VendorExchange(requestText, response, 200));
    }

    /** The sandbox never forgets a key (the id is derived from it), so a repeat's create finds the same intent. */
    @Override
    public Optional<String> findPaymentIntent(String invoiceId) {
        return Optional.empty();
    }

    private static String digest(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
