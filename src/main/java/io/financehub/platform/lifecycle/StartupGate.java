package io.financehub.platform.lifecycle;

import io.financehub.platform.web.HttpAnswer;
import io.financehub.platform.web.HttpAnswers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Answers every request but {@code /actuator/**} with 503 {@code starting} and {@code Retry-After} until the
 * application is ready. The web server opens its port before Camel has started the routes that serve
 * {@code /webhooks/*} and {@code /api/*}, and in that window a webhook or an invoice command would get 404
 * {@code not_found}, which says the path does not exist; a 503 says "send it again", which Stripe, Twilio and the
 * invoicing application do. Probes and metrics pass: they report the start themselves.
 * <p>
 * The gate opens once, on {@link ApplicationReadyEvent} (Camel's routes are started by then), and stays open: at
 * shutdown readiness goes down but the hub keeps serving ({@link ReadinessDrain}).
 */
public class StartupGate extends OncePerRequestFilter implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(StartupGate.class);
    private static final String PROBES = "/actuator/";

    private final HttpAnswer starting;
    private volatile boolean open;

    public StartupGate(HttpAnswers answers) {
        this.starting = answers.retryLater("starting", "the hub is starting and does not serve yet; nothing was "
                + "stored: send it again shortly");
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        open = true;
        LOG.info("ready: serving every path");
    }

    public boolean isOpen() {
        return open;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (open || request.getRequestURI().startsWith(PROBES)) {
            chain.doFilter(request, response);
            return;
        }
        starting.writeTo(response);
    }
}
