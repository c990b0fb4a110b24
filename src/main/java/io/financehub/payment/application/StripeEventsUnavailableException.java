package io.financehub.payment.application;

/** Stripe's event list could not be read (outage, timeout, refusal): a recovery run ends without changing anything. */
public class StripeEventsUnavailableException extends RuntimeException {

    public StripeEventsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
