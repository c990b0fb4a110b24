package io.financehub.platform.web;

import io.financehub.platform.persistence.DatabaseUnavailable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.HandlerMapping;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The hub's platform-http consumer: Spring MVC finds it by path and method (so Spring Security's filters have run and
 * a wrong method is the usual 405), and it hands the route the servlet request untouched. Camel's default binding
 * would read the body before the route runs (unbounded, into a stream cache that spools to disk), call
 * {@code getParameterNames} (which makes Tomcat consume a form body: Twilio's signed parameters), decode the body
 * as text and copy every request header back into the response. This one reads nothing: the route gets the
 * request in the {@code CamelHttpServletRequest} header, the path variables as headers, and an empty body, and
 * answers with an {@link HttpAnswer} (or a body and {@code Content-Type}, for Camel's own routes such as the OpenAPI
 * document), written byte for byte. It runs on the servlet container's thread: no hand-off to a task executor and
 * no async re-dispatch through the filter chain.
 */
public class RawHttpConsumer extends SpringBootPlatformHttpConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(RawHttpConsumer.class);

    private final HttpAnswers answers;

    public RawHttpConsumer(PlatformHttpEndpoint endpoint, Processor processor, HttpAnswers answers) {
        super(endpoint, processor, Runnable::run);
        this.answers = answers;
    }

    /** Handled before returning; {@code null} tells Spring MVC the response is complete (no async processing). */
    @Override
    public CompletableFuture<Void> service(HttpServletRequest request, HttpServletResponse response) {
        try {
            handleService(request, response);
        } catch (Exception e) {
            LOG.error("platform-http {} failed outside its route", getEndpoint().getPath(), e);
            writeQuietly(response, answers.internalError());
        }
        return null;
    }

    @Override
    protected void handleService(HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (isSuspended()) {
            answers.error(503, "unavailable", "this endpoint's route is stopped").writeTo(response);
            return;
        }
        Exchange exchange = createExchange(true);
        exchange.setPattern(ExchangePattern.InOut);
        Message in = exchange.getIn();
        in.setHeader(Exchange.HTTP_SERVLET_REQUEST, request);
        in.setHeader(Exchange.HTTP_SERVLET_RESPONSE, response);
        in.setHeader(Exchange.HTTP_METHOD, request.getMethod());
        in.setHeader(Exchange.HTTP_URI, request.getRequestURI());
        in.setHeader(Exchange.HTTP_QUERY, request.getQueryString());
        in.setHeader(Exchange.CONTENT_TYPE, request.getContentType());
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> in.setHeader((String) name, value));
        }
        createUoW(exchange);
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        } finally {
            try {
                answerOf(exchange).writeTo(response);
            } finally {
                doneUoW(exchange);
                releaseExchange(exchange, false);
            }
        }
    }

    private HttpAnswer answerOf(Exchange exchange) {
        if (exchange.getException() != null && DatabaseUnavailable.explains(exchange.getException())) {
            LOG.warn("route {} answered 503: the database is out of reach ({})", exchange.getFromRouteId(),
                    exchange.getException().getMessage());
            return answers.databaseUnavailable();
        }
        if (exchange.getException() != null) {
            LOG.error("route {} failed", exchange.getFromRouteId(), exchange.getException());
            return answers.internalError();
        }
        Message out = exchange.getMessage();
        if (out.getBody() instanceof HttpAnswer answer) {
            return answer;
        }
        byte[] body = out.getBody(byte[].class);
        return new HttpAnswer(out.getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class),
                out.getHeader(Exchange.CONTENT_TYPE, String.class), Map.of(), body == null ? new byte[0] : body);
    }

    private static void writeQuietly(HttpServletResponse response, HttpAnswer answer) {
        try {
            answer.writeTo(response);
        } catch (IOException | RuntimeException e) {
            // the client is gone: there is no one left to answer
        }
    }
}
