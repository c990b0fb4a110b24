package io.financehub.payment.application;

import io.financehub.payment.domain.PaymentEvent;
import io.financehub.webhook.domain.WebhookEventStatus;

/**
 * Applies a payment vendor's event to its invoice: updates the invoice's payment facts and creates the side
 * side effects under their keys. Applying the same event again, or events in another order,
 * ends in the same state with no second side effect.
 */
public interface PaymentEventUseCase {

    /** @return {@code PROCESSED}, or {@code UNMATCHED} when no invoice is known for the event */
    WebhookEventStatus apply(PaymentEvent event);
}
