package io.financehub.invoice.adapter;

import io.financehub.platform.web.HubApiException;
import io.financehub.platform.web.BoundedBody;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.audit.domain.CommandChannel;
import io.financehub.invoice.application.CommandValidationException;
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
import java.util.Map;

/**
 * Invoice commands and timelines over HTTP. Calls use cases only. The body is read raw and bounded (never through a
 * message converter, which would buffer any size), then decoded and validated field by field.
 */
@RestController
@RequestMapping("/api/invoices")
public class InvoiceController {

    private final IssueInvoiceUseCase issueInvoice;
    private final InvoiceTimelineQuery timelines;
    private final ObjectMapper json;
    private final int maxBytes;

    public InvoiceController(IssueInvoiceUseCase issueInvoice, InvoiceTimelineQuery timelines, ObjectMapper json,
                             InvoiceApiProperties limits) {
        this.issueInvoice = issueInvoice;
        this.timelines = timelines;
        this.json = json;
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

    private IssueInvoiceCommand parse(byte[] body) {
        Map<?, ?> fields;
        try {
            if (body == null || body.length == 0) {
                throw new HubApiException(HttpStatus.BAD_REQUEST, "malformed_payload", "the body is empty");
            }
            Object decoded = json.readValue(body, Object.class);
            if (!(decoded instanceof Map<?, ?> map)) {
                throw new HubApiException(HttpStatus.BAD_REQUEST, "malformed_payload", "the body must be a JSON object");
            }
            fields = map;
        } catch (IOException e) {
            issueInvoice.recordRejected(CommandChannel.HTTP, null, "malformed JSON");
            throw new HubApiException(HttpStatus.BAD_REQUEST, "malformed_payload", "the body is not valid JSON");
        }
        try {
            return IssueInvoiceCommand.fromJson(fields);
        } catch (CommandValidationException e) {
            issueInvoice.recordRejected(CommandChannel.HTTP, IssueInvoiceCommand.auditableInvoiceId(fields),
                    e.getMessage());
            throw e;
        }
    }
}
