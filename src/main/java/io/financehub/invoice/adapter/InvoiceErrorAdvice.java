package io.financehub.invoice.adapter;

import io.financehub.invoice.application.CommandValidationException;
import io.financehub.invoice.application.IdempotencyConflictException;
import io.financehub.platform.web.ApiErrorHandler;
import io.financehub.platform.web.ErrorBody;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The invoice commands' own refusals in the hub's JSON error: an invalid command, a reused key. */
@RestControllerAdvice(basePackageClasses = InvoiceController.class)
@Order(ApiErrorHandler.BEFORE_FALLBACK)
public class InvoiceErrorAdvice {

    @ExceptionHandler(CommandValidationException.class)
    ResponseEntity<ErrorBody> validation(CommandValidationException e) {
        return ApiErrorHandler.respond(HttpStatus.BAD_REQUEST, new ErrorBody("validation_failed",
                "the request has " + e.errors().size() + " invalid field(s)", e.errors()));
    }

    @ExceptionHandler(IdempotencyConflictException.class)
    ResponseEntity<ErrorBody> conflict(IdempotencyConflictException e) {
        return ApiErrorHandler.respond(HttpStatus.CONFLICT, ErrorBody.of("idempotency_conflict", e.getMessage()));
    }
}
