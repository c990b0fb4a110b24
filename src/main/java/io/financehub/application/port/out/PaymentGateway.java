package io.financehub.application.port.out;

import io.financehub.domain.model.Money;

/** Takes payments for invoices. Implementations must pass {@code idempotencyKey} to the vendor. */
public interface PaymentGateway {

    /**
     * Creates a payment intent for the invoice. Calling it again with the same key must not create a second
     * one: the vendor answers with the first result.
     *
     * @return {@link VendorOutcome.Succeeded} with the payment intent id as reference
     */
    VendorOutcome createPaymentIntent(PaymentIntentRequest request);

    record PaymentIntentRequest(String invoiceId, Money amount, String description, String idempotencyKey) {
    }
}
