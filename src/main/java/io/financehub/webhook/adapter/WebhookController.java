package io.financehub.webhook.adapter;

import io.financehub.platform.web.BoundedBody;
import io.financehub.webhook.WebhookProperties;
import io.financehub.webhook.application.WebhookDelivery;
import io.financehub.webhook.application.WebhookIngestionService;
import io.financehub.webhook.application.WebhookPaths;
import io.financehub.webhook.application.WebhookReceipt;
import io.financehub.webhook.application.WebhookRejectedException;
import io.financehub.webhook.domain.WebhookProvider;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * The webhook endpoints, {@code POST /webhooks/stripe} (signed with {@code Stripe-Signature} over the raw body) and
 * {@code POST /webhooks/twilio/sms-status} (Twilio's message status callbacks, signed with
 * {@code X-Twilio-Signature}). Both read the raw body within the size limit and hand it to ingestion unparsed, never
 * bound by Spring nor read through {@code getParameter}: a parsed body can no longer be verified, and the stored
 * payload is exactly what the vendor signed. They answer with the hub's JSON error format and count the outcome.
 * Unexpected failures propagate to the shared error handler (a 500 makes the vendor retry, which is what a failed
 * store should cause).
 */
@RestController
public class WebhookController {

    static final String STRIPE_SIGNATURE_HEADER = "Stripe-Signature";
    static final String TWILIO_SIGNATURE_HEADER = "X-Twilio-Signature";

    private final WebhookIngestionService ingestion;
    private final int maxBytes;
    private final WebhookMetrics metrics;

    public WebhookController(WebhookIngestionService ingestion, WebhookProperties webhook, WebhookMetrics metrics) {
        this.ingestion = ingestion;
        this.maxBytes = (int) Math.min(webhook.maxBytes(), Integer.MAX_VALUE - 8);
        this.metrics = metrics;
    }

    @PostMapping(WebhookPaths.STRIPE)
    public ResponseEntity<Object> receiveStripe(HttpServletRequest request) {
        return receive(WebhookProvider.STRIPE, request, request.getHeader(STRIPE_SIGNATURE_HEADER));
    }

    @PostMapping(WebhookPaths.TWILIO_SMS_STATUS)
    public ResponseEntity<Object> receiveTwilioSmsStatus(HttpServletRequest request) {
        return receive(WebhookProvider.TWILIO, request, request.getHeader(TWILIO_SIGNATURE_HEADER));
    }

    private ResponseEntity<Object> receive(WebhookProvider provider, HttpServletRequest request, String signature) {
        Timer.Sample sample = metrics.start();
        String outcome = WebhookMetrics.Outcome.ERROR;
        try {
            byte[] body = BoundedBody.read(request, maxBytes);
            String path = request.getRequestURI() + (request.getQueryString() == null ? ""
                    : "?" + request.getQueryString());
            WebhookReceipt receipt = ingestion.receive(new WebhookDelivery(provider, body, signature, path));
            outcome = receipt.duplicate() ? WebhookMetrics.Outcome.DUPLICATE : WebhookMetrics.Outcome.ACCEPTED;
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(new WebhookAnswer(outcome, receipt.eventId()));
        } catch (BoundedBody.TooLargeException e) {
            outcome = WebhookMetrics.Outcome.TOO_LARGE;
            return error(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large",
                    "the body is larger than " + maxBytes + " bytes");
        } catch (WebhookRejectedException e) {
            outcome = outcomeOf(e.reason());
            return error(HttpStatus.BAD_REQUEST, codeOf(e.reason()), e.getMessage());
        } catch (IOException e) {
            // the client stopped sending mid-body (or sent a broken chunked encoding)
            outcome = WebhookMetrics.Outcome.MALFORMED;
            return error(HttpStatus.BAD_REQUEST, "malformed_payload", "the body could not be read completely");
        } finally {
            metrics.record(provider, outcome, sample);
        }
    }

    private static ResponseEntity<Object> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(WebhookError.of(code, message));
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
