package io.financehub.invoice.adapter;

import io.financehub.platform.web.HubApiException;
import io.financehub.platform.web.BoundedBody;
import io.financehub.audit.domain.CommandChannel;
import io.financehub.invoice.adapter.InvoiceCommandReader.InvalidCommandException;
import io.financehub.invoice.adapter.InvoiceCommandReader.MalformedCommandException;
import io.financehub.invoice.application.InvoiceTimeline;
import io.financehub.invoice.application.InvoiceTimelineQuery;
import io.financehub.invoice.application.IssueInvoiceCommand;
import io.financehub.invoice.application.IssueInvoiceResult;
import io.financehub.invoice.application.IssueInvoiceUseCase;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;

/**
 * Invoice commands and timelines over HTTP. Calls use cases only. The body is read raw and bounded (never through a
 * message converter, which would buffer any size), then decoded and validated field by field.
 */
@RestController
@RequestMapping("/api/invoices")
public class InvoiceController {

    private final IssueInvoiceUseCase issueInvoice;
    private final InvoiceTimelineQuery timelines;
    private final InvoiceCommandReader reader;
    private final int maxBytes;

    public InvoiceController(IssueInvoiceUseCase issueInvoice, InvoiceTimelineQuery timelines,
                             InvoiceCommandReader reader, InvoiceApiProperties limits) {
        this.issueInvoice = issueInvoice;
        this.timelines = timelines;
        this.reader = reader;
        this.maxBytes = limits.maxBytes();
    }

    @PostMapping(consumes = "*/*")
    public ResponseEntity<InvoiceView> issue(HttpServletRequest request) {
        IssueInvoiceCommand command = parse(read(request));
        IssueInvoiceResult result = issueInvoice.issue(command, CommandChannel.HTTP);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/invoices/" + command.invoiceId()));
        if (result.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(InvoiceView.of(result.invoice()));
    }

    @GetMapping("/{invoiceId}")
    public InvoiceTimeline timeline(@PathVariable String invoiceId) {
        return timelines.timeline(invoiceId).orElseThrow(() -> new HubApiException(HttpStatus.NOT_FOUND, "not_found",
                "no invoice " + (invoiceId.length() > 64 ? invoiceId.substring(0, 64) + "…" : invoiceId)));
    }

    private byte[] read(HttpServletRequest request) {
        try {
            return BoundedBody.read(request, maxBytes);
        } catch (BoundedBody.TooLargeException e) {
            throw new HubApiException(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large",
                    "the body is larger than " + maxBytes + " bytes");
        } catch (IOException e) {
            throw new HubApiException(HttpStatus.BAD_REQUEST, "malformed_payload", "the body could not be read completely");
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
            throw new HubApiException(HttpStatus.BAD_REQUEST, "malformed_payload", message);
        } catch (InvalidCommandException e) {
            issueInvoice.recordRejected(CommandChannel.HTTP, e.auditableInvoiceId(), e.getMessage());
            throw e.validation();
        }
    }
}
