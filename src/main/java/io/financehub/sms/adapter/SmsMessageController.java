package io.financehub.sms.adapter;

import io.financehub.platform.web.HubApiException;
import io.financehub.platform.web.Page;
import io.financehub.sms.application.SmsMessageAdministration;
import io.financehub.sms.application.SmsMessageAdministration.ActionResult;
import io.financehub.sms.application.SmsMessageLog.SmsMessage;
import io.financehub.invoice.domain.PhoneNumber;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/**
 * Operators' side of SMS reconciliation: the messages whose outcome is unknown, their lookup at Twilio, and a
 * deliberate resend. Every action is recorded with the operator's name.
 */
@RestController
@RequestMapping("/admin/sms-messages")
public class SmsMessageController {

    private final SmsMessageAdministration sms;

    public SmsMessageController(SmsMessageAdministration sms) {
        this.sms = sms;
    }

    @GetMapping
    public Page<SmsMessageView> list(@RequestParam(required = false) String status,
                                     @RequestParam(required = false) Integer limit,
                                     @RequestParam(required = false) String cursor) {
        if (status != null && !SmsMessageAdministration.STATUSES.contains(status)) {
            throw new HubApiException(HttpStatus.BAD_REQUEST, "validation_failed",
                    "status must be one of " + new TreeSet<>(SmsMessageAdministration.STATUSES));
        }
        int size = Page.limit(limit);
        List<SmsMessage> items = sms.list(status, Page.cursor(cursor), size);
        String next = items.size() == size ? Long.toString(items.get(items.size() - 1).id()) : null;
        return new Page<>(items.stream().map(SmsMessageView::of).toList(), next);
    }

    @PostMapping("/{idempotencyKey}/lookup")
    public ActionResult lookup(@PathVariable String idempotencyKey, Principal operator) {
        return sms.lookup(idempotencyKey, operator.getName());
    }

    @PostMapping("/{idempotencyKey}/resend")
    public ActionResult resend(@PathVariable String idempotencyKey, Principal operator) {
        return sms.resend(idempotencyKey, operator.getName());
    }


    /**
     * An SMS as operators see it. The number is masked (and the vendor's raw answer, which may repeat it, left
     * out): the lookup and resend actions use the full number kept in the audit table, so the list need not show it.
     */
    public record SmsMessageView(long id, String idempotencyKey, String invoiceId, String to, String template,
                                 String status, String providerMessageId, String errorCode, String payload,
                                 Instant createdAt, Instant updatedAt) {
        static SmsMessageView of(SmsMessage m) {
            return new SmsMessageView(m.id(), m.idempotencyKey(), m.invoiceId(), PhoneNumber.mask(m.to()),
                    m.template(), m.status(), m.providerMessageId(), m.errorCode(), m.payload(),
                    m.createdAt(), m.updatedAt());
        }
    }
}
