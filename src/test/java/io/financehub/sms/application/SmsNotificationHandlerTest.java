package io.financehub.sms.application;

import io.financehub.sideeffect.application.VendorExchange;
import io.financehub.event.domain.EventType;
import io.financehub.event.application.RecordingOutbox;
import io.financehub.invoice.application.InMemoryInvoices;
import io.financehub.sideeffect.application.VendorOutcome;
import io.financehub.invoice.domain.Customer;
import io.financehub.sideeffect.domain.IdempotencyKey;
import io.financehub.invoice.domain.Invoice;
import io.financehub.invoice.domain.Money;
import io.financehub.invoice.domain.PaymentFacts;
import io.financehub.sideeffect.domain.SideEffect;
import io.financehub.sideeffect.domain.SideEffectStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A takeover's lookup (the worker died mid-send) never takes a message recorded for another key as its own. */
class SmsNotificationHandlerTest {

    private static final Instant T0 = Instant.parse("2026-05-04T09:00:00Z");
    private static final String TO = "+15551234567";
    private static final String TEXT = "Hi Ada, USD 20.00 of invoice INV-1 has been refunded.";
    private static final Invoice INVOICE = new Invoice("INV-1", new Customer("C", "Ada", TO), new Money(12500, "USD"),
            "d", "hash", PaymentFacts.NONE, T0);

    private final Vendor twilio = new Vendor();
    private final Log log = new Log();
    private final RecordingOutbox events = new RecordingOutbox();
    private final SmsNotificationHandler handler = new SmsNotificationHandler(twilio, log,
            (effect, invoice) -> new SmsTemplates.RenderedSms("sms-refund", TEXT), new InMemoryInvoices(INVOICE),
            events, "https://hub/cb");

    @Test
    void theOnlyMessageWithTheTextBelongsToTheFirstRefundSoTheSecondStaysUnknown() {
        log.sids.put("INV-1:sms-refund:evt_1", "SM1");
        twilio.listed.add(new SmsSender.SentMessage("SM1", "delivered"));

        VendorOutcome outcome = handler.resume(refund("evt_2"), INVOICE);

        assertThat(outcome).isInstanceOf(VendorOutcome.Unknown.class);
        assertThat(twilio.sends).isZero();
    }

    @Test
    void ofSeveralMessagesWithTheTextItTakesTheOldestNoOtherKeyHolds() {
        log.sids.put("INV-1:sms-refund:evt_1", "SM1");
        twilio.listed.addAll(List.of(new SmsSender.SentMessage("SM1", "delivered"),
                new SmsSender.SentMessage("SM2", "sent"), new SmsSender.SentMessage("SM3", "queued")));

        VendorOutcome outcome = handler.resume(refund("evt_2"), INVOICE);

        assertThat(outcome).isInstanceOfSatisfying(VendorOutcome.Succeeded.class,
                s -> assertThat(s.reference()).isEqualTo("SM2"));
    }

    @Test
    void anSmsEndingFailedOrUnknownIsPublishedAndOneSentIsNot() {
        VendorExchange exchange = new VendorExchange("send", null, null);
        handler.onOutcome(refund("evt_1"), INVOICE, new VendorOutcome.Succeeded("SM1", exchange),
                SideEffectStatus.SUCCEEDED);
        handler.onOutcome(refund("evt_2"), INVOICE, new VendorOutcome.Rejected("21211", "invalid To", exchange),
                SideEffectStatus.FAILED);
        handler.onOutcome(refund("evt_3"), INVOICE, new VendorOutcome.Unknown("read timeout", exchange),
                SideEffectStatus.UNKNOWN);

        assertThat(events.types()).containsExactly(EventType.SMS_FAILED, EventType.SMS_UNKNOWN);
        assertThat(events.events().get(0).data()).containsEntry("idempotencyKey", "INV-1:sms-refund:evt_2")
                .containsEntry("action", "sms-refund").containsEntry("status", "failed")
                .containsEntry("errorCode", "21211");
        assertThat(events.events().get(1).data()).containsEntry("status", "unknown")
                .containsEntry("reason", "outcome unknown: read timeout");
    }

    private static SideEffect refund(String eventId) {
        return new SideEffect(IdempotencyKey.parse("INV-1:sms-refund:" + eventId), SideEffectStatus.IN_PROGRESS, 2,
                Map.of("amountMinor", "2000"), null, null, T0, T0, null);
    }

    private static final class Vendor implements SmsSender {
        final List<SentMessage> listed = new ArrayList<>();
        int sends;

        @Override
        public String vendor() {
            return "fake-sms";
        }

        @Override
        public VendorOutcome send(SmsRequest request) {
            sends++;
            throw new AssertionError("a takeover never sends");
        }

        @Override
        public List<SentMessage> findSent(String to, String body, Instant since) {
            return listed;
        }
    }

    /** Only what a lookup reads: which key holds which vendor id. */
    private static final class Log implements SmsMessageLog {
        final Map<String, String> sids = new HashMap<>();

        @Override
        public Set<String> heldByOtherKeys(Collection<String> providerMessageIds, String idempotencyKey) {
            Set<String> held = new HashSet<>();
            sids.forEach((key, sid) -> {
                if (!key.equals(idempotencyKey) && providerMessageIds.contains(sid)) {
                    held.add(sid);
                }
            });
            return held;
        }

        @Override
        public Optional<SmsMessage> find(String idempotencyKey) {
            return Optional.empty();
        }

        @Override
        public void claimed(String invoiceId, String idempotencyKey, String to, String template, String payload) {
        }

        @Override
        public void finished(String idempotencyKey, VendorOutcome outcome, SideEffectStatus status) {
        }

        @Override
        public List<SmsMessage> list(String status, Long beforeId, int limit) {
            return List.of();
        }

        @Override
        public boolean settleUnknown(String idempotencyKey, String providerMessageId, String status) {
            return false;
        }

        @Override
        public boolean reopenForResend(String idempotencyKey) {
            return false;
        }
    }
}
