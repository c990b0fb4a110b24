package io.financehub.invoice.application;

/** The invoice id was already used for a command with different content. */
public class IdempotencyConflictException extends RuntimeException {

    private final String invoiceId;

    public IdempotencyConflictException(String invoiceId) {
        super("invoice " + invoiceId + " was already issued with different content");
        this.invoiceId = invoiceId;
    }

    public String invoiceId() {
        return invoiceId;
    }
}
