package io.financehub.platform.web;

import org.springframework.http.HttpStatus;

import java.util.List;

/** An error answered with one of the hub's error codes and HTTP status. */
public class HubApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final transient List<?> details;

    public HubApiException(HttpStatus status, String code, String message) {
        this(status, code, message, List.of());
    }

    public HubApiException(HttpStatus status, String code, String message, List<?> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<?> details() {
        return details;
    }
}
