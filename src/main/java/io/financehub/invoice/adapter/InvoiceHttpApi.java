package io.financehub.invoice.adapter;

import io.financehub.audit.domain.CommandChannel;
import io.financehub.invoice.adapter.InvoiceCommandReader.InvalidCommandException;
import io.financehub.invoice.adapter.InvoiceCommandReader.MalformedCommandException;
import io.financehub.invoice.application.CommandValidationException;
import io.financehub.invoice.application.IdempotencyConflictException;
import io.financehub.invoice.application.IssueInvoiceCommand;
import io.financehub.invoice.application.IssueInvoiceResult;
import io.financehub.invoice.application.InvoiceTimelineQuery;
import io.financehub.invoice.application.IssueInvoiceUseCase;
import io.financehub.platform.web.BoundedBody;
import io.financehub.platform.web.ErrorBody;
import io.financehub.platform.web.HttpAnswer;
import io.financehub.platform.web.HttpAnswers;
import io.financehub.platform.web.HubApiException;
import io.financehub.platform.web.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;

/**
 * What the {@code invoice-api} routes call: {@code POST /api/invoices} (issue) and {@code GET
 * /api/invoices/{invoiceId}} (timeline). Calls use cases only. The body is read raw and bounded by
 * {@code HUB_API_MAX_BYTES} (never through a converter, which would buffer any size), then decoded and validated
 * field by field; every refusal is the hub's JSON error.
 */
public class InvoiceHttpApi {

    private final IssueInvoiceUseCase issueInvoice;
    private final InvoiceTimelineQuery timelines;
    private final InvoiceCommandReader reader;
    private final HttpAnswers answers;
    private final int maxBytes;

    public InvoiceHttpApi(IssueInvoiceUseCase issueInvoice, InvoiceTimelineQuery timelines,
                          InvoiceCommandReader reader, HttpAnswers answers, int maxBytes) {
        this.issueInvoice = issueInvoice;
        this.timelines = timelines;
        this.reader = reader;
        this.answers = answers;
        this.maxBytes = maxBytes;
    }

    /** 202 with {@code Location}, and {@code Idempotent-Replayed: true} when the invoice already existed. */
    public HttpAnswer issue(HttpServletRequest request) {
        try {
            IssueInvoiceCommand command = parse(read(request));
            IssueInvoiceResult result = issueInvoice.issue(command, CommandChannel.HTTP);
            HttpAnswer answer = answers.json(202, InvoiceView.of(result.invoice()))
                    .withHeader("Location", "/api/invoices/" + command.invoiceId());
            return result.replayed() ? answer.withHeader("Idempotent-Replayed", "true") : answer;
        } catch (RuntimeException e) {
            return refusal(e);
        }
    }

    /** 200 with the invoice's timeline, 404 {@code not_found} for an unknown id. */
    public HttpAnswer timeline(String invoiceId) {
        try {
            return timelines.timeline(invoiceId).map(timeline -> answers.json(200, timeline))
                    .orElseGet(() -> answers.error(404, "not_found", "no invoice "
                            + (invoiceId.length() > 64 ? invoiceId.substring(0, 64) + "…" : invoiceId)));
        } catch (RuntimeException e) {
            return refusal(e);
        }
    }

    private HttpAnswer refusal(RuntimeException e) {
        if (e instanceof HubApiException api) {
            return answers.error(api.status().value(), new ErrorBody(api.code(), api.getMessage(), api.details()));
        }
        if (e instanceof CommandValidationException invalid) {
            return answers.error(400, new ErrorBody("validation_failed",
                    "the request has " + invalid.errors().size() + " invalid field(s)", invalid.errors()));
        }
        if (e instanceof IdempotencyConflictException conflict) {
            return answers.error(409, "idempotency_conflict", conflict.getMessage());
        }
        if (e instanceof NotFoundException notFound) {
            return answers.error(404, "not_found", notFound.getMessage());
        }
        throw e;
    }

    private byte[] read(HttpServletRequest request) {
        try {
            return BoundedBody.read(request, maxBytes);
        } catch (BoundedBody.TooLargeException e) {
            throw new HubApiException(org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large",
                    "the body is larger than " + maxBytes + " bytes");
        } catch (IOException e) {
            throw new HubApiException(org.springframework.http.HttpStatus.BAD_REQUEST, "malformed_payload",
                    "the body could not be read completely");
        }
    }

    /** Only unparseable JSON and invalid fields are audited: an empty or non-object body is answered alone. */
    private IssueInvoiceCommand parse(byte[] body) {
        try {
            return reader.read(body);
        } catch (MalformedCommandException e) {
            String message = switch (e.malformation()) {
                case EMPTY -> "the body is empty";
                case NOT_OBJECT -> "the body must be a JSON object";
                case NOT_JSON -> {
                    issueInvoice.recordRejected(CommandChannel.HTTP, null, "malformed JSON");
                    yield "the body is not valid JSON";
                }
            };
            throw new HubApiException(org.springframework.http.HttpStatus.BAD_REQUEST, "malformed_payload", message);
        } catch (InvalidCommandException e) {
            issueInvoice.recordRejected(CommandChannel.HTTP, e.auditableInvoiceId(), e.getMessage());
            throw e.validation();
        }
    }
}
