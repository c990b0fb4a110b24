package io.financehub.invoice.application;

/** One rejected input field, reported as one {@code details} entry of a {@code validation_failed} error. */
public record FieldError(String field, String message) {
}
