package io.financehub.webhook.adapter;

import io.financehub.webhook.domain.WebhookProvider;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /webhooks/stripe}, verified by {@code Stripe-Signature} over the raw body. */
@RestController
public class StripeWebhookController {

    static final String SIGNATURE_HEADER = "Stripe-Signature";

    private final WebhookIntake intake;

    public StripeWebhookController(WebhookIntake intake) {
        this.intake = intake;
    }

    /** The body is read as bytes by the intake, never bound by Spring: a parsed body can no longer be verified. */
    @PostMapping("/webhooks/stripe")
    public ResponseEntity<Object> receive(HttpServletRequest request) {
        return intake.receive(WebhookProvider.STRIPE, request, request.getHeader(SIGNATURE_HEADER));
    }
}
