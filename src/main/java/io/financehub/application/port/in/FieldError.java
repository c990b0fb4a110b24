package io.financehub.application.port.in;

/** One rejected input field, reported as one {@code details} entry of a {@code validation_failed} error. */
public record FieldError(String field, String message) {
}
