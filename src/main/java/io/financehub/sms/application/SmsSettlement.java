package io.financehub.sms.application;

import io.financehub.sms.application.UnsettledSmsLog.UnsettledSms;
import io.financehub.sms.domain.SmsDeliveryStatus;
import io.financehub.webhook.application.WebhookIngestionService;
import io.financehub.webhook.domain.WebhookProvider;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Settles SMS whose status callback never came: a message left {@code queued} or {@code sent} (or accepted,
 * sending) longer than the settle-after time is fetched from the vendor, and a status further on is applied
 * through the path a status callback takes: ingested as a recovered callback event ({@code MessageSid:status}, the
 * id a real callback of that status has, so a late real one is a duplicate), queued, and applied forward-only by
 * {@link SmsDeliveryService}. A vendor failure stops the run and leaves the remaining messages, unmarked, for the
 * next one.
 */
public class SmsSettlement {

    private final UnsettledSmsLog messages;
    private final SmsStatusFetch vendor;
    private final WebhookIngestionService ingestion;
    private final Clock clock;
    private final Duration settleAfter;
    private final int batchSize;

    /**
     * @param settleAfter how long a status may stay undecided before the vendor is asked, and how long a message the
     *                    vendor reports no further on waits before it is asked again
     * @param batchSize   most messages one run fetches
     */
    public SmsSettlement(UnsettledSmsLog messages, SmsStatusFetch vendor, WebhookIngestionService ingestion,
                         Clock clock, Duration settleAfter, int batchSize) {
        this.messages = messages;
        this.vendor = vendor;
        this.ingestion = ingestion;
        this.clock = clock;
        this.settleAfter = settleAfter;
        this.batchSize = batchSize;
    }

    public SmsSettlementReport settle() {
        Instant now = clock.instant();
        Instant threshold = now.minus(settleAfter);
        List<UnsettledSms> due = messages.findUnsettled(threshold, threshold, batchSize);
        int settled = 0;
        int unchanged = 0;
        int notFound = 0;
        for (int i = 0; i < due.size(); i++) {
            UnsettledSms sms = due.get(i);
            Optional<String> status;
            try {
                status = vendor.status(sms.providerMessageId());
            } catch (SmsStatusUnavailableException e) {
                return new SmsSettlementReport(i + 1, settled, unchanged, notFound, due.size() - i, e.getMessage());
            }
            if (status.isEmpty()) {
                notFound++;
            } else if (movesForward(sms.status(), status.get())
                    && ingestion.recover(WebhookProvider.TWILIO, callback(sms.providerMessageId(), status.get()))) {
                settled++;
            } else {
                unchanged++;
            }
            messages.markChecked(sms.providerMessageId(), now);
        }
        return new SmsSettlementReport(due.size(), settled, unchanged, notFound, 0, null);
    }

    private static boolean movesForward(String current, String reported) {
        SmsDeliveryStatus next = SmsDeliveryStatus.ofVendorName(reported);
        SmsDeliveryStatus now = SmsDeliveryStatus.ofVendorName(current);
        return next != null && (now == null || now.canMoveTo(next));
    }

    /** The form a Twilio status callback posts, with the two parameters the hub reads. */
    private static String callback(String messageSid, String status) {
        return "MessageSid=" + URLEncoder.encode(messageSid, StandardCharsets.UTF_8) + "&MessageStatus="
                + URLEncoder.encode(status, StandardCharsets.UTF_8);
    }
}
