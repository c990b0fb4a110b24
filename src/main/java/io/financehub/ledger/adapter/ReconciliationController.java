package io.financehub.ledger.adapter;

import io.financehub.platform.web.ApiErrorHandler;
import io.financehub.platform.web.ErrorBody;
import io.financehub.platform.web.HubApiException;
import io.financehub.ledger.application.AccountingReconciliationQuery;
import io.financehub.ledger.application.AccountingReconciliationQuery.LedgerUnreadableException;
import io.financehub.ledger.application.ReconciliationReport;
import io.financehub.ledger.application.RepostLedgerEntryUseCase;
import io.financehub.ledger.application.RepostLedgerEntryUseCase.NotRepostableException;
import io.financehub.ledger.application.RepostLedgerEntryUseCase.Outcome;
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

import java.util.Map;

/**
 * Accounting reconciliation for finance and operators ({@code /admin}, Basic auth): the report as JSON or, with
 * {@code ?format=csv}, one CSV row per posting; and the repost of a posting the ledger lost.
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

    @GetMapping
    public ResponseEntity<?> report(@RequestParam(required = false) String format) {
        boolean csv = "csv".equalsIgnoreCase(format);
        if (format != null && !csv && !"json".equalsIgnoreCase(format)) {
            throw new HubApiException(HttpStatus.BAD_REQUEST, "validation_failed", "format must be json or csv");
        }
        ReconciliationReport report = reconciliation.reconcile();
        if (!csv) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
        }
        return ResponseEntity.ok().contentType(TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"reconciliation.csv\"")
                .body(ReconciliationCsv.write(report));
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
