package io.financehub.invoice.adapter;

/**
 * A JMS command the hub will never be able to process as sent (malformed, invalid, conflicting). The routes'
 * shared error handling moves it to {@code hub.invoice.commands.rejected} with this message as
 * {@code rejectReason}, instead of letting the broker redeliver it.
 */
public class RejectedCommandException extends RuntimeException {

    public RejectedCommandException(String reason) {
        super(reason);
    }
}
