package io.financehub.sideeffect.application;

import io.financehub.sideeffect.domain.SideEffectStatus;

import java.time.Duration;

/**
 * The result of one vendor call, in the terms the hub decides retries by. Callers ask it what they need (its
 * reference, its refusal code, what to keep in an audit row, how a side effect settles) instead of testing which
 * case it is.
 */
public sealed interface VendorOutcome {

    VendorExchange exchange();

    /** The vendor's id for what it did (PaymentIntent id, journal ref, message SID); null unless it succeeded. */
    default String reference() {
        return null;
    }

    /** The vendor's code for a refusal for good; null unless rejected. */
    default String rejectionCode() {
        return null;
    }

    /** How long the vendor asked the hub to wait before a retry; null when it did not say. */
    default Duration retryAfter() {
        return null;
    }

    /** What an audit row keeps as the vendor's response: the response itself, or why there is none. */
    default String auditResponse() {
        return exchange().response();
    }

    /** One line for the side effect's last error and its dead letter. */
    String summary();

    /**
     * Whether another attempt may still succeed.
     *
     * @param vendorHonoursKeys whether the vendor deduplicates by idempotency key, so that repeating a request whose
     *                          outcome is unknown cannot do the thing twice
     */
    boolean mayRetry(boolean vendorHonoursKeys);

    /** The status a side effect settles in when no further attempt follows; see {@link #mayRetry}. */
    SideEffectStatus settledStatus(boolean vendorHonoursKeys);

    /** The vendor did it; {@code reference} is its id for the result. */
    record Succeeded(String reference, VendorExchange exchange) implements VendorOutcome {
        @Override
        public String summary() {
            return "succeeded";
        }

        @Override
        public boolean mayRetry(boolean vendorHonoursKeys) {
            return false;
        }

        @Override
        public SideEffectStatus settledStatus(boolean vendorHonoursKeys) {
            return SideEffectStatus.SUCCEEDED;
        }
    }

    /** The vendor refused for good (card declined, invalid number, validation error): retrying cannot help. */
    record Rejected(String code, String message, VendorExchange exchange) implements VendorOutcome {
        @Override
        public String rejectionCode() {
            return code;
        }

        @Override
        public String summary() {
            return "rejected " + code + ": " + message;
        }

        @Override
        public boolean mayRetry(boolean vendorHonoursKeys) {
            return false;
        }

        @Override
        public SideEffectStatus settledStatus(boolean vendorHonoursKeys) {
            return SideEffectStatus.FAILED;
        }
    }

    /** The vendor refused for now and did nothing (429, 503 before processing): retry after {@code retryAfter}. */
    record Retryable(String message, Duration retryAfter, VendorExchange exchange) implements VendorOutcome {
        @Override
        public String auditResponse() {
            return responseOr(exchange, message);
        }

        @Override
        public String summary() {
            return "retryable: " + message;
        }

        @Override
        public boolean mayRetry(boolean vendorHonoursKeys) {
            return true;
        }

        /** Out of attempts. */
        @Override
        public SideEffectStatus settledStatus(boolean vendorHonoursKeys) {
            return SideEffectStatus.FAILED;
        }
    }

    /** The request may or may not have taken effect (timeout, connection reset, 5xx). */
    record Unknown(String message, VendorExchange exchange) implements VendorOutcome {
        @Override
        public String auditResponse() {
            return responseOr(exchange, message);
        }

        @Override
        public String summary() {
            return "outcome unknown: " + message;
        }

        @Override
        public boolean mayRetry(boolean vendorHonoursKeys) {
            return vendorHonoursKeys;
        }

        /** Where a repeat could do the thing twice it stays unknown, for an operator to look up; else out of attempts. */
        @Override
        public SideEffectStatus settledStatus(boolean vendorHonoursKeys) {
            return vendorHonoursKeys ? SideEffectStatus.FAILED : SideEffectStatus.UNKNOWN;
        }
    }

    /** What an audit row keeps for a call that may have had no response: the response, or why there is none. */
    private static String responseOr(VendorExchange exchange, String message) {
        return exchange.response() != null ? exchange.response() : "no response: " + message;
    }
}
