package io.financehub.invoice.adapter;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.audit.domain.CommandChannel;
import io.financehub.invoice.application.CommandValidationException;
import io.financehub.invoice.application.FieldError;
import io.financehub.invoice.application.IdempotencyConflictException;
import io.financehub.invoice.application.IssueInvoiceCommand;
import io.financehub.invoice.application.IssueInvoiceResult;
import io.financehub.invoice.application.IssueInvoiceUseCase;

import java.io.IOException;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The JMS entry point ({@code hub.invoice.commands}), called by the {@code invoice-commands} route: same JSON,
 * validation and idempotency as {@code POST /api/invoices}. Commands that can never succeed are thrown as
 * {@link RejectedCommandException}; anything else propagates so the broker redelivers.
 */
public class InvoiceCommandListener {

    public static final String ISSUE_INVOICE = "IssueInvoice";

    private final IssueInvoiceUseCase issueInvoice;
    private final ObjectMapper json;

    public InvoiceCommandListener(IssueInvoiceUseCase issueInvoice, ObjectMapper json) {
        this.issueInvoice = issueInvoice;
        this.json = json;
    }

    /** @return {@code accepted:<id>} or {@code replayed:<id>}, recorded by the route's exchange audit */
    public String handle(String body, String command) {
        if (!ISSUE_INVOICE.equals(command)) {
            throw reject(null, "unsupported command property '" + command + "'; expected command=IssueInvoice");
        }
        Map<?, ?> fields = decode(body);
        IssueInvoiceCommand issue;
        try {
            issue = IssueInvoiceCommand.fromJson(fields);
        } catch (CommandValidationException e) {
            throw reject(IssueInvoiceCommand.auditableInvoiceId(fields), "validation_failed: " + e.errors().stream()
                    .map(FieldError::toString).collect(Collectors.joining("; ")));
        }
        try {
            IssueInvoiceResult result = issueInvoice.issue(issue, CommandChannel.JMS);
            return (result.replayed() ? "replayed:" : "accepted:") + issue.invoiceId();
        } catch (IdempotencyConflictException e) {
            // the use case has already audited the conflict
            throw new RejectedCommandException("idempotency_conflict: " + e.getMessage());
        }
    }

    private Map<?, ?> decode(String body) {
        try {
            Object decoded = body == null ? null : json.readValue(body, Object.class);
            if (decoded instanceof Map<?, ?> map) {
                return map;
            }
            throw reject(null, "malformed_payload: the message body must be a JSON object");
        } catch (IOException e) {
            throw reject(null, "malformed_payload: the message body is not valid JSON");
        }
    }

    private RejectedCommandException reject(String invoiceId, String reason) {
        issueInvoice.recordRejected(CommandChannel.JMS, invoiceId, reason);
        return new RejectedCommandException(reason);
    }
}
