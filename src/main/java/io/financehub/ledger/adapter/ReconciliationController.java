package io.financehub.ledger.adapter;

import io.financehub.platform.web.ApiErrorHandler;
import io.financehub.platform.web.ErrorBody;
import io.financehub.ledger.application.AccountingReconciliationQuery;
import io.financehub.ledger.application.AccountingReconciliationQuery.LedgerUnreadableException;
import io.financehub.ledger.application.ReconciliationPeriod;
import io.financehub.ledger.application.ReconciliationReport;
import io.financehub.ledger.application.ReconciliationSink;
import io.financehub.ledger.application.RepostLedgerEntryUseCase;
import io.financehub.ledger.application.RepostLedgerEntryUseCase.NotRepostableException;
import io.financehub.ledger.application.RepostLedgerEntryUseCase.Outcome;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Accounting reconciliation for finance and operators ({@code /admin}, Basic auth), for the invoices created in
 * {@code ?from=&to=} (default: all): the report as JSON, a page at a time, or, with {@code ?format=csv}, one CSV row
 * per posting, streamed; and the repost of a posting the ledger lost.
 */
@RestController
@RequestMapping("/admin/reconciliation")
public class ReconciliationController {

    static final MediaType TEXT_CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final AccountingReconciliationQuery reconciliation;
    private final RepostLedgerEntryUseCase repost;

    public ReconciliationController(AccountingReconciliationQuery reconciliation, RepostLedgerEntryUseCase repost) {
        this.reconciliation = reconciliation;
        this.repost = repost;
    }

    /**
     * JSON: one page of the period's invoices ({@code limit}, default 500, at most 1000), continued with
     * {@code after=<next>}. CSV: the whole period, streamed as it is reconciled.
     */
    @GetMapping
    public ResponseEntity<?> report(@RequestParam(required = false) String format,
                                    @RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to,
                                    @RequestParam(required = false) String after,
                                    @RequestParam(required = false) String limit,
                                    HttpServletResponse response) throws IOException {
        boolean csv = "csv".equalsIgnoreCase(format);
        if (format != null && !csv && !"json".equalsIgnoreCase(format)) {
            throw ReconciliationParameters.invalid("format must be json or csv");
        }
        ReconciliationPeriod period = ReconciliationParameters.period(from, to);
        if (!csv) {
            ReconciliationReport report = reconciliation.page(period, ReconciliationParameters.after(after),
                    ReconciliationParameters.limit(limit));
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        }
        if (after != null || limit != null) {
            throw ReconciliationParameters.invalid("the CSV streams the whole period: after and limit page the JSON");
        }
        streamCsv(period, response);
        return null; // written: Spring sends nothing more
    }

    /** Rows leave as they are made; the headers only once the ledger was read, so a failed read is still a 503. */
    private void streamCsv(ReconciliationPeriod period, HttpServletResponse response) throws IOException {
        Writer[] out = new Writer[1];
        reconciliation.stream(period, new ReconciliationSink() {
            @Override
            public void start() {
                response.setStatus(HttpStatus.OK.value());
                response.setContentType(TEXT_CSV.toString());
                response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"reconciliation.csv\"");
                try {
                    out[0] = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(),
                            StandardCharsets.UTF_8), 16 * 1024);
                    ReconciliationCsv.header(out[0]);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void invoice(ReconciliationReport.InvoiceLines invoice) {
                try {
                    ReconciliationCsv.invoice(out[0], invoice);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void unexpected(ReconciliationReport.Problem problem) {
                try {
                    ReconciliationCsv.unexpected(out[0], problem);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        out[0].flush();
    }

    @PostMapping("/{idempotencyKey}/repost")
    public ResponseEntity<Map<String, String>> repost(@PathVariable String idempotencyKey) {
        Outcome outcome = repost.repost(idempotencyKey);
        HttpStatus status = outcome == Outcome.REQUEUED ? HttpStatus.ACCEPTED : HttpStatus.OK;
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("idempotencyKey", idempotencyKey, "status", outcome.value()));
    }

    @ExceptionHandler(LedgerUnreadableException.class)
    ResponseEntity<ErrorBody> ledgerUnreadable(LedgerUnreadableException e) {
        return ApiErrorHandler.respond(HttpStatus.SERVICE_UNAVAILABLE, ErrorBody.of("ledger_unavailable",
                e.getMessage()));
    }

    @ExceptionHandler(NotRepostableException.class)
    ResponseEntity<ErrorBody> notRepostable(NotRepostableException e) {
        return ApiErrorHandler.respond(HttpStatus.BAD_REQUEST, ErrorBody.of("validation_failed", e.getMessage()));
    }
}
