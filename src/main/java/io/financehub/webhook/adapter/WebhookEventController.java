package io.financehub.webhook.adapter;

import io.financehub.platform.web.ApiErrorHandler;
import io.financehub.platform.web.ErrorBody;
import io.financehub.platform.web.HubApiException;
import io.financehub.platform.web.Page;
import io.financehub.webhook.application.WebhookEventAdministration;
import io.financehub.webhook.application.WebhookEventAdministration.PayloadPrunedException;
import io.financehub.webhook.application.WebhookEventSummary;
import io.financehub.webhook.domain.WebhookEventStatus;
import io.financehub.webhook.domain.WebhookProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** Operators' view of received webhooks ({@code provider}, {@code status} filters; paged) and their replay. */
@RestController
@RequestMapping("/admin/webhook-events")
public class WebhookEventController {

    private final WebhookEventAdministration webhookEvents;

    public WebhookEventController(WebhookEventAdministration webhookEvents) {
        this.webhookEvents = webhookEvents;
    }

    @GetMapping
    public Page<WebhookEventView> list(@RequestParam(required = false) String provider,
                                       @RequestParam(required = false) String status,
                                       @RequestParam(required = false) Integer limit,
                                       @RequestParam(required = false) String cursor) {
        int size = Page.limit(limit);
        List<WebhookEventSummary> items = webhookEvents.list(providerFilter(provider), statusFilter(status),
                Page.cursor(cursor == null || cursor.isEmpty() ? null : cursor), size);
        String next = items.size() == size ? Long.toString(items.get(items.size() - 1).id()) : null;
        return new Page<>(items.stream().map(WebhookEventView::of).toList(), next);
    }

    @PostMapping("/{provider}/{eventId}/replay")
    public ReplayView replay(@PathVariable String provider, @PathVariable String eventId) {
        WebhookProvider known = WebhookProvider.ofName(provider);
        if (known == null) {
            throw new HubApiException(HttpStatus.NOT_FOUND, "not_found", "no webhook provider "
                    + (provider.length() > 32 ? provider.substring(0, 32) + "…" : provider));
        }
        WebhookEventStatus status = webhookEvents.replay(known, eventId);
        return new ReplayView(known.dbValue(), eventId, status.dbValue());
    }

    @ExceptionHandler(PayloadPrunedException.class)
    ResponseEntity<ErrorBody> payloadPruned(PayloadPrunedException e) {
        return ApiErrorHandler.respond(HttpStatus.GONE, ErrorBody.of("payload_pruned", e.getMessage()));
    }

    private static WebhookProvider providerFilter(String provider) {
        if (provider == null || provider.isEmpty()) {
            return null;
        }
        WebhookProvider known = WebhookProvider.ofName(provider);
        if (known == null) {
            throw new HubApiException(HttpStatus.BAD_REQUEST, "validation_failed", "provider must be stripe or twilio");
        }
        return known;
    }

    private static WebhookEventStatus statusFilter(String status) {
        if (status == null || status.isEmpty()) {
            return null;
        }
        for (WebhookEventStatus known : WebhookEventStatus.values()) {
            if (known.dbValue().equalsIgnoreCase(status)) {
                return known;
            }
        }
        throw new HubApiException(HttpStatus.BAD_REQUEST, "validation_failed",
                "status must be received, processed, ignored, unmatched or failed");
    }


    /** A webhook event as operators see it; absent values are JSON nulls; {@code source} webhook or recovered. */
    public record WebhookEventView(String provider, String eventId, String type, String status, String invoiceId,
                                   Instant receivedAt, Instant processedAt, int duplicates, int attempts,
                                   String lastError, String payloadHash, String source) {
        static WebhookEventView of(WebhookEventSummary s) {
            return new WebhookEventView(s.provider(), s.eventId(), s.type(), s.status(), s.invoiceId(),
                    s.receivedAt(), s.processedAt(), s.duplicates(), s.attempts(), s.lastError(), s.payloadHash(),
                    s.source());
        }
    }

    /** The answer to a replay: the event's status after processing ran again. */
    public record ReplayView(String provider, String eventId, String status) {
    }
}
