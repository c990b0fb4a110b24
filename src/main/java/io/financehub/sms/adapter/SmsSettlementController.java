package io.financehub.sms.adapter;

import io.financehub.platform.web.HubApiException;
import io.financehub.sms.application.SmsSettlementReport;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /admin/recovery/twilio}: an operator's settlement run now, instead of waiting for the scheduled one.
 * 200 with the counts; 503 {@code vendor_unavailable} when Twilio could not be asked (what was settled before
 * stays settled, the rest waits for the next run).
 */
@RestController
@RequestMapping("/admin/recovery/twilio")
public class SmsSettlementController {

    private final MeteredSmsSettlement settlement;

    public SmsSettlementController(MeteredSmsSettlement settlement) {
        this.settlement = settlement;
    }

    @PostMapping
    public SmsSettlementReport settle() {
        SmsSettlementReport report;
        try {
            report = settlement.settle();
        } catch (IllegalStateException e) {
            throw new HubApiException(HttpStatus.CONFLICT, "recovery_unavailable", e.getMessage());
        }
        if (report.error() != null) {
            throw new HubApiException(HttpStatus.SERVICE_UNAVAILABLE, "vendor_unavailable", report.error()
                    + "; settled " + report.settled() + ", left " + report.deferred() + " for the next run");
        }
        return report;
    }
}
