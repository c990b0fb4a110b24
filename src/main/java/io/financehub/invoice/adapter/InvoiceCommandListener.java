package io.financehub.invoice.adapter;

import io.financehub.audit.domain.CommandChannel;
import io.financehub.invoice.adapter.InvoiceCommandReader.InvalidCommandException;
import io.financehub.invoice.adapter.InvoiceCommandReader.Malformation;
import io.financehub.invoice.adapter.InvoiceCommandReader.MalformedCommandException;
import io.financehub.invoice.application.FieldError;
import io.financehub.invoice.application.IdempotencyConflictException;
import io.financehub.invoice.application.IssueInvoiceCommand;
import io.financehub.invoice.application.IssueInvoiceResult;
import io.financehub.invoice.application.IssueInvoiceUseCase;

import java.util.stream.Collectors;

/**
 * The JMS entry point ({@code hub.invoice.commands}), called by the {@code invoice-commands} route: same JSON,
 * validation and idempotency as {@code POST /api/invoices}. Commands that can never succeed are thrown as
 * {@link RejectedCommandException}; anything else propagates so the broker redelivers.
 */
public class InvoiceCommandListener {

    public static final String ISSUE_INVOICE = "IssueInvoice";

    private final IssueInvoiceUseCase issueInvoice;
    private final InvoiceCommandReader reader;

    public InvoiceCommandListener(IssueInvoiceUseCase issueInvoice, InvoiceCommandReader reader) {
        this.issueInvoice = issueInvoice;
        this.reader = reader;
    }

    /** @return {@code accepted:<id>} or {@code replayed:<id>}, recorded by the route's exchange audit */
    public String handle(String body, String command) {
        if (!ISSUE_INVOICE.equals(command)) {
            throw reject(null, "unsupported command property '" + command + "'; expected command=IssueInvoice");
        }
        IssueInvoiceCommand issue = read(body);
        try {
            IssueInvoiceResult result = issueInvoice.issue(issue, CommandChannel.JMS);
            return (result.replayed() ? "replayed:" : "accepted:") + issue.invoiceId();
        } catch (IdempotencyConflictException e) {
            // the use case has already audited the conflict
            throw new RejectedCommandException("idempotency_conflict: " + e.getMessage());
        }
    }

    private IssueInvoiceCommand read(String body) {
        try {
            return reader.read(body);
        } catch (MalformedCommandException e) {
            // a JMS text body is never EMPTY: "" is no JSON, a missing body no object
            throw reject(null, e.malformation() == Malformation.NOT_JSON
                    ? "malformed_payload: the message body is not valid JSON"
                    : "malformed_payload: the message body must be a JSON object");
        } catch (InvalidCommandException e) {
            throw reject(e.auditableInvoiceId(), "validation_failed: " + e.validation().errors().stream()
                    .map(FieldError::toString).collect(Collectors.joining("; ")));
        }
    }

    private RejectedCommandException reject(String invoiceId, String reason) {
        issueInvoice.recordRejected(CommandChannel.JMS, invoiceId, reason);
        return new RejectedCommandException(reason);
    }
}
