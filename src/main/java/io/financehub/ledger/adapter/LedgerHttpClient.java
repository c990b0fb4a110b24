package io.financehub.ledger.adapter;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;

import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP to the ledger through its vendor routes ({@code routes/hledger-read-transactions.camel.yaml}, {@code hledger-add-transaction.camel.yaml},
 * {@code routes/xero-*-manual-journal*.camel.yaml}): each call is one {@code direct:} route whose camel-http endpoint
 * carries the method, path, headers, timeouts and the client's retries (none). This class hands the route the body,
 * the query and the exchange properties the route reads, and reads back the answer: the status from
 * {@code CamelHttpResponseCode} (the routes never throw on a status), or, when the exchange failed, no answer at all.
 */
public class LedgerHttpClient {

    private final ProducerTemplate producer;

    public LedgerHttpClient(ProducerTemplate producer) {
        this.producer = producer;
    }

    /**
     * Sends one request through {@code route}.
     *
     * @param call       what the request is ({@code PUT /add}), for messages
     * @param query      an already URL-encoded query string, or null
     * @param properties exchange properties the route reads (never sent as HTTP headers)
     * @throws LedgerUnreachableException when no HTTP answer arrived (refused, timed out, connection dropped):
     *                                    whether the request took effect is unknown
     */
    public Reply send(String route, String call, String query, String body, Map<String, Object> properties) {
        Exchange result = producer.send(route, exchange -> {
            properties.forEach(exchange::setProperty);
            if (query != null) {
                exchange.getIn().setHeader(Exchange.HTTP_QUERY, query);
            }
            exchange.getIn().setBody(body);
        });
        if (result.getException() != null) {
            Throwable cause = result.getException();
            throw new LedgerUnreachableException(call + ": " + cause.getClass().getSimpleName() + ": "
                    + cause.getMessage(), cause);
        }
        Message out = result.getMessage();
        Integer status = out.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status == null) {
            throw new LedgerUnreachableException(call + ": no HTTP status", null);
        }
        Map<String, String> responseHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        out.getHeaders().forEach((name, value) -> {
            if (value != null && !name.startsWith("Camel") && !"Authorization".equalsIgnoreCase(name)) {
                responseHeaders.put(name, value.toString());
            }
        });
        String text = out.getBody(String.class);
        return new Reply(status, text == null ? "" : text, responseHeaders);
    }

    /** An HTTP answer. */
    public record Reply(int status, String body, Map<String, String> headers) {

        public boolean successful() {
            return status >= 200 && status < 300;
        }

        /** @param name case-insensitive */
        public String header(String name) {
            return headers.get(name);
        }

        /** Status and body, clipped, for the audit row. */
        public String describe() {
            String b = body.length() > 2000 ? body.substring(0, 2000) + "…" : body;
            return status + (b.isEmpty() ? "" : " " + b);
        }
    }

    /** No HTTP answer: the request may or may not have reached the ledger. */
    public static class LedgerUnreachableException extends RuntimeException {
        public LedgerUnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
