package io.financehub.platform.web;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Map;

/**
 * What an HTTP entry route answers, written to the servlet response exactly as it is: status, content type, extra
 * headers and the body's bytes. A route whose last body is one of these is answered by {@link RawHttpConsumer}
 * without Camel's header mapping, so nothing of the request (its headers, an {@code Authorization} token) is ever
 * echoed back.
 */
public record HttpAnswer(int status, String contentType, Map<String, String> headers, byte[] body) {

    public HttpAnswer {
        headers = Map.copyOf(headers);
    }

    /** The same answer with one more response header. */
    public HttpAnswer withHeader(String name, String value) {
        return withHeaders(Map.of(name, value));
    }

    /** The same answer with these response headers too. */
    public HttpAnswer withHeaders(Map<String, String> extra) {
        java.util.LinkedHashMap<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.putAll(extra);
        return new HttpAnswer(status, contentType, more, body);
    }

    /** Writes this answer to {@code response}, unless something was written to it already. */
    public void writeTo(HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status);
        if (contentType != null) {
            response.setContentType(contentType);
        }
        headers.forEach(response::setHeader);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
