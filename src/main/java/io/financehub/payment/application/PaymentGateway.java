package io.financehub.payment.application;

import io.financehub.sideeffect.application.VendorOutcome;
import io.financehub.invoice.domain.Money;

import java.util.Optional;

/** Takes payments for invoices. Implementations must pass {@code idempotencyKey} to the vendor. */
public interface PaymentGateway {

    /** The vendor's name in the meters: {@code stripe}, or {@code sandbox-stripe} for the in-process sandbox. */
    String vendor();

    /**
     * Creates a payment intent for the invoice. Calling it again with the same key must not create a second
     * one: the vendor answers with the first result.
     *
     * @return {@link VendorOutcome.Succeeded} with the payment intent id as reference
     */
    VendorOutcome createPaymentIntent(PaymentIntentRequest request);

    /**
     * Looks for a payment intent already created for the invoice, by its {@code invoice_id} metadata: what a repeat
     * must check once the vendor may have forgotten the idempotency key, because a create would then be a second
     * intent.
     *
     * @return the id of the invoice's earliest payment intent, or empty when the vendor has none
     * @throws LookupFailedException when the vendor could not be asked; that is not "none", and must never lead to
     *                               a create
     */
    Optional<String> findPaymentIntent(String invoiceId);

    /** The vendor could not be asked whether a payment intent exists. */
    class LookupFailedException extends RuntimeException {
        public LookupFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    record PaymentIntentRequest(String invoiceId, Money amount, String description, String idempotencyKey) {
    }
}
