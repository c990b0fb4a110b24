package io.financehub.platform.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's last-resort error page, in the hub's JSON error format shape instead of HTML. It answers only what Tomcat
 * refuses before any servlet runs (a header over {@code server.max-http-request-header-size}, a broken request
 * line); everything else is answered by the hub's own handlers, and this valve leaves a written body alone.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"error\":\"" + codeFor(status) + "\",\"message\":\"" + messageFor(status)
                        + "\",\"details\":[]}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is already closed: there is no one left to answer
        }
    }

    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "malformed_payload";
            case 401 -> "unauthorized";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "payload_too_large";
            default -> status >= 500 ? "internal_error" : "request_refused";
        };
    }

    static String messageFor(int status) {
        return switch (status) {
            case 400 -> "the request could not be read (malformed request line, or a header over the size limit)";
            case 413 -> "the request is larger than the server accepts";
            default -> "the server refused the request (HTTP " + status + ")";
        };
    }
}
