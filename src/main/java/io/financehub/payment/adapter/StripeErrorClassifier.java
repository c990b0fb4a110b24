package io.financehub.payment.adapter;

import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.StripeError;
import io.financehub.sideeffect.application.VendorExchange;
import io.financehub.sideeffect.application.VendorOutcome;

/**
 * Maps a stripe-java error to the outcome the hub decides retries by:
 * <ul>
 *   <li>no answer (timeout, refused, reset), a 5xx, or an unreadable answer: {@link VendorOutcome.Unknown} — the
 *   PaymentIntent may exist; the executor retries under the same key and Stripe answers with the stored result;</li>
 *   <li>429, and 409 ({@code idempotency_key_in_use}: another request under the key is still running):
 *   {@link VendorOutcome.Retryable} — Stripe did nothing;</li>
 *   <li>any other 4xx (card error, invalid request, authentication, key reused with other parameters):
 *   {@link VendorOutcome.Rejected} with Stripe's error code — the same request can never succeed.</li>
 * </ul>
 */
final class StripeErrorClassifier {

    private StripeErrorClassifier() {
    }

    static VendorOutcome classify(StripeException e, String requestText, String endpoint, SecretMask mask) {
        Integer status = e.getStatusCode();
        if (e instanceof ApiConnectionException) {
            // name the endpoint actually called and the transport's own reason (timeout, refused, reset)
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String message = "no answer from " + endpoint + ": " + cause.getClass().getSimpleName() + ": "
                    + cause.getMessage();
            return new VendorOutcome.Unknown(mask.apply(message), VendorExchange.requestOnly(requestText));
        }
        VendorExchange exchange = new VendorExchange(requestText, mask.apply(responseBody(e)), status);
        String message = mask.apply(errorMessage(e));
        if (e instanceof RateLimitException || (status != null && (status == 429 || status == 409))) {
            return new VendorOutcome.Retryable(message, null, exchange);
        }
        if (status == null || status >= 500 || status < 400) {
            return new VendorOutcome.Unknown(message, exchange);
        }
        return new VendorOutcome.Rejected(code(e, status), message, exchange);
    }

    /** Stripe's error code ({@code card_declined}, {@code parameter_missing}, ...), else its type, else the status. */
    static String code(StripeException e, int status) {
        if (e.getCode() != null && !e.getCode().isBlank()) {
            return e.getCode();
        }
        StripeError error = e.getStripeError();
        if (error != null && error.getType() != null) {
            return error.getType();
        }
        return e instanceof IdempotencyException ? "idempotency_error" : "http_" + status;
    }

    private static String errorMessage(StripeException e) {
        StripeError error = e.getStripeError();
        String message = error != null && error.getMessage() != null ? error.getMessage() : e.getMessage();
        if (error != null && error.getDeclineCode() != null) {
            message = message + " (decline_code " + error.getDeclineCode() + ")";
        }
        return message;
    }

    private static String responseBody(StripeException e) {
        StripeError error = e.getStripeError();
        if (error == null) {
            return null;
        }
        return error.getLastResponse() != null ? error.getLastResponse().body() : error.toJson();
    }
}
