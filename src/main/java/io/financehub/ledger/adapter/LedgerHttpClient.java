package io.financehub.ledger.adapter;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.http.HttpComponent;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP to one ledger through camel-http. Each ledger gets its own component instance, configured once: a bounded
 * connection pool, the configured timeouts, and no automatic retries — the HTTP client must never re-send a
 * posting behind the hub's back (a re-sent {@code PUT /add} is a second hledger transaction); retrying is the
 * side-effect executor's decision, made after a lookup.
 */
public class LedgerHttpClient {

    private final ProducerTemplate producer;
    private final String componentName;

    LedgerHttpClient(ProducerTemplate producer, String componentName) {
        this.producer = producer;
        this.componentName = componentName;
    }

    /** Adds a dedicated camel-http component named {@code componentName} to the context. */
    public static LedgerHttpClient register(CamelContext camel, String componentName, Duration timeout,
                                            int maxConnections) {
        HttpComponent component = new HttpComponent();
        camel.addComponent(componentName, component);
        // configured only after it is added: camel-spring-boot's http customizer copies camel.component.http.*,
        // defaults included (automatic retries on, 3-minute timeouts), onto every HttpComponent as it is added
        configure(component, timeout, maxConnections);
        return new LedgerHttpClient(camel.createProducerTemplate(), componentName);
    }

    private static void configure(HttpComponent component, Duration timeout, int maxConnections) {
        Timeout t = Timeout.of(timeout);
        component.setClientConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(t).setSocketTimeout(t).build())
                .build());
        component.setConnectTimeout(timeout.toMillis());
        component.setSoTimeout(timeout.toMillis());
        component.setResponseTimeout(timeout.toMillis());
        component.setConnectionRequestTimeout(timeout.toMillis());
        component.setAutomaticRetriesDisabled(true);
        component.setRedirectHandlingDisabled(true);
        component.setCookieManagementDisabled(true);
    }

    /**
     * Sends one request.
     *
     * @param query   an already URL-encoded query string, or null
     * @param headers request headers; they are not copied into the {@link Reply}
     * @throws LedgerUnreachableException when no HTTP answer arrived (refused, timed out, connection dropped):
     *                                    whether the request took effect is unknown
     */
    public Reply send(String method, String url, String query, String body, Map<String, String> headers) {
        Exchange result = producer.send(componentName + ":" + url + "?throwExceptionOnFailure=false", exchange -> {
            Message in = exchange.getIn();
            in.setHeader(Exchange.HTTP_METHOD, method);
            if (query != null) {
                in.setHeader(Exchange.HTTP_QUERY, query);
            }
            headers.forEach(in::setHeader);
            in.setBody(body);
        });
        if (result.getException() != null) {
            Throwable cause = result.getException();
            throw new LedgerUnreachableException(method + " " + url + ": " + cause.getClass().getSimpleName() + ": "
                    + cause.getMessage(), cause);
        }
        Message out = result.getMessage();
        Integer status = out.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status == null) {
            throw new LedgerUnreachableException(method + " " + url + ": no HTTP status", null);
        }
        Map<String, String> responseHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        out.getHeaders().forEach((name, value) -> {
            if (value != null && !name.startsWith("Camel") && !headers.containsKey(name)) {
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
