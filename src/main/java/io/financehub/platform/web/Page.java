package io.financehub.platform.web;

import java.util.List;

/** Admin list shape: {@code {"items": [...], "next": cursor-or-null}}. */
public record Page<T>(List<T> items, String next) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw new HubApiException(org.springframework.http.HttpStatus.BAD_REQUEST, "validation_failed",
                    "limit must be from 1 to " + MAX_LIMIT);
        }
        return requested;
    }

    /** The id-based cursor the admin lists hand out as {@code next}; null for the first page. */
    public static Long cursor(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new HubApiException(org.springframework.http.HttpStatus.BAD_REQUEST, "validation_failed",
                    "cursor is not valid");
        }
    }
}
