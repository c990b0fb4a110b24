package io.financehub.invoice.application;

import io.financehub.audit.domain.CommandChannel;

/**
 * Issues an invoice: stores it and its side effects (payment intent, receivable posting, SMS) under their
 * idempotency keys, then hands the side effects to their queues.
 */
public interface IssueInvoiceUseCase {

    /**
     * @return the invoice, flagged as replayed when the same invoice id was already issued with the same content
     * @throws IdempotencyConflictException when the invoice id was issued with different content
     */
    IssueInvoiceResult issue(IssueInvoiceCommand command, CommandChannel channel);

    /** Records a command that never became a valid {@link IssueInvoiceCommand} (bad JSON, bad fields). */
    void recordRejected(CommandChannel channel, String invoiceId, String reason);
}
