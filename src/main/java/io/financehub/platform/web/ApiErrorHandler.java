package io.financehub.platform.web;

import io.financehub.platform.persistence.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of the hub's own endpoints into the hub's JSON error, never a stack trace: the platform's own
 * exceptions and Spring MVC's. A capability answers its own exceptions in its adapter's advice, which must be
 * consulted first: Spring asks the advices in order and this one answers anything (its {@code Exception} fallback),
 * so it comes last.
 */
@RestControllerAdvice
@Order(ApiErrorHandler.FALLBACK)
public class ApiErrorHandler {

    /** The order of this advice; a capability's advice declares {@link #BEFORE_FALLBACK}. */
    public static final int FALLBACK = Ordered.LOWEST_PRECEDENCE;
    /** The order of every capability's own error advice: before the fallback. */
    public static final int BEFORE_FALLBACK = Ordered.LOWEST_PRECEDENCE - 1000;

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorHandler.class);

    @ExceptionHandler(HubApiException.class)
    ResponseEntity<ErrorBody> api(HubApiException e) {
        return respond(e.status(), new ErrorBody(e.code(), e.getMessage(), e.details()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ErrorBody> notFound(NotFoundException e) {
        return respond(HttpStatus.NOT_FOUND, ErrorBody.of("not_found", e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
        return respond(HttpStatus.BAD_REQUEST, ErrorBody.of("malformed_payload", "the body is not valid JSON"));
    }

    @ExceptionHandler({MissingRequestHeaderException.class, MissingServletRequestParameterException.class,
            MethodArgumentTypeMismatchException.class})
    ResponseEntity<ErrorBody> badRequest(Exception e) {
        return respond(HttpStatus.BAD_REQUEST, ErrorBody.of("validation_failed", e.getMessage()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorBody> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorBody.of("malformed_payload", e.getMessage()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorBody> method(HttpRequestMethodNotSupportedException e) {
        return respond(HttpStatus.METHOD_NOT_ALLOWED, ErrorBody.of("method_not_allowed", e.getMessage()));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ErrorBody> noResource(NoResourceFoundException e) {
        return respond(HttpStatus.NOT_FOUND, ErrorBody.of("not_found", "no such path"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> unexpected(Exception e) {
        if (DatabaseUnavailable.explains(e)) {
            LOG.warn("answered 503: the database is out of reach ({})", e.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON)
                    .header("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS))
                    .body(ErrorBody.of("database_unavailable", "the hub's database is out of reach; nothing was "
                            + "changed: try again later"));
        }
        LOG.error("unexpected failure", e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR,
                ErrorBody.of("internal_error", "the hub could not handle the request; nothing was half-written"));
    }

    public static ResponseEntity<ErrorBody> respond(HttpStatus status, ErrorBody body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
