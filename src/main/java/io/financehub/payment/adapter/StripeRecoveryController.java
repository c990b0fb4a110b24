package io.financehub.payment.adapter;

import io.financehub.payment.application.StripeEventsUnavailableException;
import io.financehub.payment.application.StripeRecoveryReport;
import io.financehub.platform.web.HubApiException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * {@code POST /admin/recovery/stripe?since=}: an operator's recovery run over Stripe's event list, from {@code since}
 * (an ISO-8601 instant or Unix seconds) or, without it, from the cursor the scheduled runs keep.
 */
@RestController
@RequestMapping("/admin/recovery/stripe")
public class StripeRecoveryController {

    private final MeteredStripeRecovery recovery;

    public StripeRecoveryController(MeteredStripeRecovery recovery) {
        this.recovery = recovery;
    }

    @PostMapping
    public StripeRecoveryReport recover(@RequestParam(required = false) String since) {
        Instant from = since == null || since.isBlank() ? null : parse(since.trim());
        try {
            return recovery.recover(from);
        } catch (IllegalArgumentException e) {
            throw new HubApiException(HttpStatus.BAD_REQUEST, "validation_failed", e.getMessage());
        } catch (IllegalStateException e) {
            throw new HubApiException(HttpStatus.CONFLICT, "recovery_unavailable", e.getMessage());
        } catch (StripeEventsUnavailableException e) {
            throw new HubApiException(HttpStatus.SERVICE_UNAVAILABLE, "vendor_unavailable", e.getMessage());
        }
    }

    static Instant parse(String since) {
        if (since.length() <= 12 && since.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochSecond(Long.parseLong(since));
        }
        try {
            return Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new HubApiException(HttpStatus.BAD_REQUEST, "validation_failed",
                    "since must be an ISO-8601 instant (2026-01-31T12:00:00Z) or Unix seconds");
        }
    }
}
