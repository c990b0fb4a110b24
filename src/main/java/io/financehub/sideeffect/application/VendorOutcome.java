package io.financehub.sideeffect.application;

import java.time.Duration;

/** The result of one vendor call, in the terms the hub decides retries by. */
public sealed interface VendorOutcome {

    VendorExchange exchange();

    /** The vendor did it; {@code reference} is its id for the result (PaymentIntent id, journal ref, message SID). */
    record Succeeded(String reference, VendorExchange exchange) implements VendorOutcome {
    }

    /** The vendor refused for good (card declined, invalid number, validation error): retrying cannot help. */
    record Rejected(String code, String message, VendorExchange exchange) implements VendorOutcome {
    }

    /** The vendor refused for now and did nothing (429, 503 before processing): retry after {@code retryAfter}. */
    record Retryable(String message, Duration retryAfter, VendorExchange exchange) implements VendorOutcome {
    }

    /** The request may or may not have taken effect (timeout, connection reset, 5xx). */
    record Unknown(String message, VendorExchange exchange) implements VendorOutcome {
    }
}
