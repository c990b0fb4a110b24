package io.financehub.webhook.adapter;

import io.financehub.platform.persistence.DatabaseUnavailable;
import io.financehub.platform.web.BoundedBody;
import io.financehub.platform.web.HttpAnswer;
import io.financehub.platform.web.HttpAnswers;
import io.financehub.webhook.application.WebhookDelivery;
import io.financehub.webhook.application.WebhookIngestionService;
import io.financehub.webhook.application.WebhookReceipt;
import io.financehub.webhook.application.WebhookRejectedException;
import io.financehub.webhook.domain.WebhookProvider;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * What the intake routes ({@code stripe-webhook-intake}, {@code twilio-webhook-intake}) call with the servlet request:
 * reads the raw body within {@code HUB_WEBHOOK_MAX_BYTES} and hands it to ingestion unparsed, never through
 * {@code getParameter} nor a text decoding (a parsed body can no longer be verified, and the stored payload is
 * exactly what the vendor signed), then answers in the hub's JSON and counts the outcome. The answer is given only
 * after ingestion stored the event and handed it to the queue.
 * <p>
 * A database out of reach (no connection within the pool's timeout, a statement past
 * {@code HUB_DATABASE_REQUEST_TIMEOUT}) is answered 503 {@code database_unavailable} with {@code Retry-After}: the
 * vendor retries and the retry is stored. At most {@code HUB_WEBHOOK_MAX_CONCURRENT} deliveries are stored at once;
 * one more is answered 503 {@code busy} at once instead of queueing behind a slow database, so a stall holds a
 * bounded share of the server's request threads and leaves the rest to the API, health probes and admin.
 * Other failures propagate: the route's consumer answers 500 {@code internal_error}, which makes the vendor retry.
 */
public class WebhookIntake {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookIntake.class);

    static final String STRIPE_SIGNATURE_HEADER = "Stripe-Signature";
    static final String TWILIO_SIGNATURE_HEADER = "X-Twilio-Signature";

    /**
     * What Spring Security's header writers used to add: the webhook paths pass no security filter (each request is
     * authenticated by its signature), so the answers say themselves that they are not to be cached or sniffed.
     */
    static final Map<String, String> UNCACHED = Map.of("Cache-Control", "no-store",
            "X-Content-Type-Options", "nosniff");

    private final WebhookIngestionService ingestion;
    private final HttpAnswers answers;
    private final WebhookMetrics metrics;
    private final int maxBytes;
    private final Semaphore storing;

    public WebhookIntake(WebhookIngestionService ingestion, HttpAnswers answers, WebhookMetrics metrics,
                         long maxBytes, int maxConcurrent) {
        this.ingestion = ingestion;
        this.answers = answers;
        this.metrics = metrics;
        this.maxBytes = (int) Math.min(maxBytes, Integer.MAX_VALUE - 8);
        this.storing = new Semaphore(maxConcurrent);
    }

    /** {@code POST /webhooks/stripe}, signed with {@code Stripe-Signature} over the raw body. */
    public HttpAnswer stripe(HttpServletRequest request) {
        return receive(WebhookProvider.STRIPE, request, request.getHeader(STRIPE_SIGNATURE_HEADER))
                .withHeaders(UNCACHED);
    }

    /** {@code POST /webhooks/twilio/sms-status}, signed with {@code X-Twilio-Signature} over URL and parameters. */
    public HttpAnswer twilioSmsStatus(HttpServletRequest request) {
        return receive(WebhookProvider.TWILIO, request, request.getHeader(TWILIO_SIGNATURE_HEADER))
                .withHeaders(UNCACHED);
    }

    private HttpAnswer receive(WebhookProvider provider, HttpServletRequest request, String signature) {
        Timer.Sample sample = metrics.start();
        String outcome = WebhookMetrics.Outcome.ERROR;
        try {
            byte[] body = BoundedBody.read(request, maxBytes);
            String path = request.getRequestURI() + (request.getQueryString() == null ? ""
                    : "?" + request.getQueryString());
            if (!storing.tryAcquire()) {
                outcome = WebhookMetrics.Outcome.UNAVAILABLE;
                return answers.retryLater("busy", "too many deliveries are being stored at once; send it again");
            }
            WebhookReceipt receipt;
            try {
                receipt = ingestion.receive(new WebhookDelivery(provider, body, signature, path));
            } finally {
                storing.release();
            }
            outcome = receipt.duplicate() ? WebhookMetrics.Outcome.DUPLICATE : WebhookMetrics.Outcome.ACCEPTED;
            return answers.json(200, new WebhookAnswer(outcome, receipt.eventId()));
        } catch (BoundedBody.TooLargeException e) {
            outcome = WebhookMetrics.Outcome.TOO_LARGE;
            return answers.error(413, "payload_too_large", "the body is larger than " + maxBytes + " bytes");
        } catch (WebhookRejectedException e) {
            outcome = outcomeOf(e.reason());
            return answers.error(400, codeOf(e.reason()), e.getMessage());
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.explains(e)) {
                throw e;
            }
            outcome = WebhookMetrics.Outcome.UNAVAILABLE;
            LOG.warn("{} webhook answered 503: the database is out of reach ({})", provider.dbValue(), e.getMessage());
            return answers.databaseUnavailable();
        } catch (IOException e) {
            // the client stopped sending mid-body (or sent a broken chunked encoding)
            outcome = WebhookMetrics.Outcome.MALFORMED;
            return answers.error(400, "malformed_payload", "the body could not be read completely");
        } finally {
            metrics.record(provider, outcome, sample);
        }
    }

    private static String codeOf(WebhookRejectedException.Reason reason) {
        return switch (reason) {
            case INVALID_SIGNATURE -> "invalid_signature";
            case STALE_TIMESTAMP -> "stale_timestamp";
            case MALFORMED_PAYLOAD -> "malformed_payload";
        };
    }

    private static String outcomeOf(WebhookRejectedException.Reason reason) {
        return switch (reason) {
            case INVALID_SIGNATURE -> WebhookMetrics.Outcome.INVALID_SIGNATURE;
            case STALE_TIMESTAMP -> WebhookMetrics.Outcome.STALE_TIMESTAMP;
            case MALFORMED_PAYLOAD -> WebhookMetrics.Outcome.MALFORMED;
        };
    }
}
