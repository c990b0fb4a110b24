package io.financehub.ledger.adapter;

import io.financehub.ledger.application.InvoiceCursor;
import io.financehub.ledger.application.ReconciliationPeriod;
import io.financehub.platform.web.HubApiException;
import org.springframework.http.HttpStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.DateTimeException;

/**
 * The query parameters of {@code GET /admin/reconciliation}, checked: a bad value is a 400 {@code validation_failed}
 * naming it. {@code from} and {@code to} are ISO dates ({@code 2026-01-15}, UTC) or instants
 * ({@code 2026-01-15T10:00:00Z}, an offset allowed); a date {@code to} includes its whole day.
 */
final class ReconciliationParameters {

    static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 1000;

    private ReconciliationParameters() {
    }

    static ReconciliationPeriod period(String from, String to) {
        Instant start = from == null || from.isBlank() ? null : instant("from", from, false);
        Instant end = to == null || to.isBlank() ? null : instant("to", to, true);
        if (start != null && end != null && start.isAfter(end)) {
            throw invalid("from (" + from + ") is after to (" + to + ")");
        }
        return new ReconciliationPeriod(start, end);
    }

    static InvoiceCursor after(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            return InvoiceCursor.parse(after);
        } catch (IllegalArgumentException e) {
            throw invalid("after must be a next cursor from an earlier page, not " + after);
        }
    }

    static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid("limit must be a whole number from 1 to " + MAX_LIMIT + ", not " + limit);
    }

    /** @param endOfDay a date as an end means the day after it starts: the day itself is included */
    private static Instant instant(String name, String value, boolean endOfDay) {
        String v = value.trim();
        try {
            if (v.length() == 10) {
                LocalDate day = LocalDate.parse(v);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeException e) {
            throw invalid(name + " must be an ISO date (2026-01-15) or instant (2026-01-15T10:00:00Z), not "
                    + value);
        }
    }

    static HubApiException invalid(String message) {
        return new HubApiException(HttpStatus.BAD_REQUEST, "validation_failed", message);
    }
}
