package io.financehub.sideeffect.adapter;

import io.financehub.platform.web.ApiErrorHandler;
import io.financehub.platform.web.ErrorBody;
import io.financehub.sideeffect.application.DeadLetterAdministration.RetryInProgressException;
import io.financehub.sideeffect.application.DeadLetterAdministration.RetryUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A dead-letter retry that was not carried out, in the hub's JSON error: already running, or nowhere to go now. */
@RestControllerAdvice(basePackageClasses = DeadLetterController.class)
@Order(ApiErrorHandler.BEFORE_FALLBACK)
public class DeadLetterErrorAdvice {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterErrorAdvice.class);

    @ExceptionHandler(RetryInProgressException.class)
    ResponseEntity<ErrorBody> retryInProgress(RetryInProgressException e) {
        return ApiErrorHandler.respond(HttpStatus.CONFLICT, ErrorBody.of("retry_in_progress", e.getMessage()));
    }

    @ExceptionHandler(RetryUnavailableException.class)
    ResponseEntity<ErrorBody> retryUnavailable(RetryUnavailableException e) {
        LOG.warn("dead-letter retry not carried out: {}", e.getMessage());
        String code = e.unavailable() == RetryUnavailableException.Cause.BROKER
                ? "broker_unavailable" : "vendor_unavailable";
        return ApiErrorHandler.respond(HttpStatus.SERVICE_UNAVAILABLE, ErrorBody.of(code, e.getMessage()));
    }
}
