package io.financehub.platform.web;

import java.util.List;

/** The hub's error shape: {@code {"error": code, "message": text, "details": [...]}}. */
public record ErrorBody(String error, String message, List<?> details) {

    public static ErrorBody of(String error, String message) {
        return new ErrorBody(error, message, List.of());
    }
}
