package io.financehub.flow.adapter;

import io.financehub.sideeffect.application.VendorExchange;
import io.financehub.sideeffect.application.VendorOutcome;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.hc.client5.http.ConnectTimeoutException;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/**
 * A flow endpoint's answer in the hub's terms. 2xx succeeded. 408, 409, 425, 429 and 5xx are refusals for now
 * (retryable, after {@code Retry-After} when the endpoint says); every other status is a refusal for good. A request
 * that never left (connection refused or timed out, unknown host, no route) is retryable; any failure once it may
 * have left (read timeout, reset, anything unexpected) is unknown.
 */
final class FlowCallOutcomes {

    private static final Set<Integer> RETRYABLE_STATUSES = Set.of(408, 409, 425, 429);

    private FlowCallOutcomes() {
    }

    /** The endpoint answered {@code status} without failing the exchange (or said nothing: not an HTTP endpoint). */
    static VendorOutcome answered(Integer status, Map<String, String> headers, VendorExchange exchange) {
        if (status == null || (status >= 200 && status < 300)) {
            return new VendorOutcome.Succeeded(null, exchange);
        }
        return refused(status, headers, exchange);
    }

    static VendorOutcome failed(Throwable failure, String request) {
        HttpOperationFailedException http = find(failure, HttpOperationFailedException.class);
        if (http != null) {
            return refused(http.getStatusCode(), http.getResponseHeaders(), new VendorExchange(request,
                    EndpointMask.text(http.getResponseBody()), http.getStatusCode()));
        }
        String why = describe(failure);
        if (find(failure, ConnectTimeoutException.class) != null || find(failure, ConnectException.class) != null
                || find(failure, UnknownHostException.class) != null
                || find(failure, NoRouteToHostException.class) != null) {
            return new VendorOutcome.Retryable("not sent: " + why, null, VendorExchange.requestOnly(request));
        }
        if (find(failure, SocketTimeoutException.class) != null) {
            return new VendorOutcome.Unknown("no answer in time: " + why, VendorExchange.requestOnly(request));
        }
        return new VendorOutcome.Unknown(why, VendorExchange.requestOnly(request));
    }

    private static VendorOutcome refused(int status, Map<String, String> headers, VendorExchange exchange) {
        if (status >= 500 || RETRYABLE_STATUSES.contains(status)) {
            return new VendorOutcome.Retryable("HTTP " + status, retryAfter(headers), exchange);
        }
        return new VendorOutcome.Rejected("http-" + status, "the endpoint refused the request with HTTP " + status,
                exchange);
    }

    /** {@code Retry-After} in seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(Map<String, String> headers) {
        if (headers == null) {
            return null;
        }
        String value = headers.entrySet().stream().filter(h -> "retry-after".equalsIgnoreCase(h.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration wait = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String describe(Throwable failure) {
        return EndpointMask.text(failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }
}
