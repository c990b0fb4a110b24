package io.financehub.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.platform.persistence.DatabaseUnavailable;
import org.springframework.http.MediaType;

import java.util.Map;

/**
 * Builds {@link HttpAnswer}s in the hub's JSON, with the application's {@link ObjectMapper}: the same bytes Spring
 * MVC's message converter writes for the same value, so an endpoint moved onto a route answers exactly as before.
 */
public class HttpAnswers {

    private final ObjectMapper json;

    public HttpAnswers(ObjectMapper json) {
        this.json = json;
    }

    /** {@code value} as JSON with {@code status}. */
    public HttpAnswer json(int status, Object value) {
        try {
            return new HttpAnswer(status, MediaType.APPLICATION_JSON_VALUE, Map.of(), json.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** The hub's error, {@code {"error", "message", "details"}}. */
    public HttpAnswer error(int status, ErrorBody body) {
        return json(status, body);
    }

    /** The hub's error without details. */
    public HttpAnswer error(int status, String code, String message) {
        return error(status, ErrorBody.of(code, message));
    }

    /**
     * Nothing was done and the request can be made again: 503 with {@code Retry-After}
     * ({@link DatabaseUnavailable#RETRY_AFTER_SECONDS}).
     */
    public HttpAnswer retryLater(String code, String message) {
        return error(503, code, message).withHeaders(Map.of("Retry-After",
                Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS)));
    }

    /** The database is out of reach ({@link DatabaseUnavailable#explains}): nothing was stored. */
    public HttpAnswer databaseUnavailable() {
        return retryLater("database_unavailable", "the hub's database is out of reach; nothing was stored: "
                + "send it again later");
    }

    /** A failure nobody anticipated: logged by the caller, answered without a trace of it. */
    public HttpAnswer internalError() {
        return error(500, "internal_error", "the hub could not handle the request; nothing was half-written");
    }
}
