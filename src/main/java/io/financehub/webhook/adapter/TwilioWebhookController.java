package io.financehub.webhook.adapter;

import io.financehub.webhook.domain.WebhookProvider;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/twilio/sms-status}, Twilio's message status callbacks, verified by
 * {@code X-Twilio-Signature}. The form is read from the raw bytes (never through {@code getParameter}), so the
 * stored payload is exactly what Twilio signed.
 */
@RestController
public class TwilioWebhookController {

    static final String SIGNATURE_HEADER = "X-Twilio-Signature";

    private final WebhookIntake intake;

    public TwilioWebhookController(WebhookIntake intake) {
        this.intake = intake;
    }

    @PostMapping("/webhooks/twilio/sms-status")
    public ResponseEntity<Object> receive(HttpServletRequest request) {
        return intake.receive(WebhookProvider.TWILIO, request, request.getHeader(SIGNATURE_HEADER));
    }
}
