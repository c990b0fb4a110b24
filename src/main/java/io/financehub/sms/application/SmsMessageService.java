package io.financehub.sms.application;

import io.financehub.platform.web.NotFoundException;
import io.financehub.sideeffect.application.SideEffectDispatch;
import io.financehub.sideeffect.application.SideEffectRepository;
import io.financehub.sms.application.SmsMessageLog.SmsMessage;
import io.financehub.sms.application.SmsOperatorActionLog.OperatorAction;
import io.financehub.platform.persistence.TransactionRunner;
import io.financehub.sideeffect.domain.IdempotencyKey;
import io.financehub.sideeffect.domain.SideEffectStatus;
import io.financehub.sms.domain.SmsDeliveryStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link SmsMessageAdministration}. Settling and reopening are conditional updates of the message row in the same
 * transaction as the side effect's change and the operator record, so two operators (or a lookup racing a resend)
 * cannot both act on one message: the second finds it no longer {@code unknown}.
 */
public class SmsMessageService implements SmsMessageAdministration {

    static final String LOOKUP = "lookup";
    static final String RESEND = "resend";
    static final String DEAD_LETTER = "dead-letter";

    private static final Logger LOG = LoggerFactory.getLogger(SmsMessageService.class);

    private final SmsMessageLog messages;
    private final SentSmsLookup vendor;
    private final SideEffectRepository sideEffects;
    private final SideEffectDispatch dispatch;
    private final SmsOperatorActionLog actions;
    private final TransactionRunner tx;
    private final Clock clock;

    public SmsMessageService(SmsMessageLog messages, SmsSender sender, SideEffectRepository sideEffects,
                             SideEffectDispatch dispatch, SmsOperatorActionLog actions, TransactionRunner tx, Clock clock) {
        this.messages = messages;
        this.vendor = new SentSmsLookup(sender, messages);
        this.sideEffects = sideEffects;
        this.dispatch = dispatch;
        this.actions = actions;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public List<SmsMessage> list(String status, Long beforeId, int limit) {
        return messages.list(status, beforeId, limit);
    }

    @Override
    public ActionResult lookup(String idempotencyKey, String operator) {
        SmsMessage message = find(idempotencyKey);
        if (!"unknown".equals(message.status())) {
            return recorded(message, LOOKUP, operator, "not-unknown", message.providerMessageId(),
                    "the message is " + message.status() + ", not unknown: nothing to look up");
        }
        return lookUpAndSettle(message, LOOKUP, operator).result();
    }

    @Override
    public ActionResult resend(String idempotencyKey, String operator) {
        return resend(idempotencyKey, operator, RESEND);
    }

    @Override
    public ActionResult resendFromDeadLetter(String idempotencyKey, String operator) {
        return resend(idempotencyKey, operator, DEAD_LETTER);
    }

    private ActionResult resend(String idempotencyKey, String operator, String action) {
        SmsMessage message = find(idempotencyKey);
        boolean resendable = ("unknown".equals(message.status()) || "failed".equals(message.status()))
                && message.providerMessageId() == null;
        if (!resendable) {
            return recorded(message, action, operator, "not-resendable", message.providerMessageId(),
                    "only an unknown message, or one the vendor refused, can be resent; this one is "
                            + message.status());
        }
        if ("unknown".equals(message.status())) {
            // the earlier attempt may have reached the vendor: never send twice what it already has
            Lookup lookup = lookUpAndSettle(message, action, operator);
            if (!lookup.notFound()) {
                return lookup.result();
            }
        }
        Instant now = clock.instant();
        boolean reopened;
        try {
            reopened = tx.inTransaction(() -> {
                if (!messages.reopenForResend(idempotencyKey)) {
                    return false;
                }
                if (!sideEffects.reopen(idempotencyKey, now)) {
                    throw new ResendRefused();
                }
                actions.record(new OperatorAction(idempotencyKey, action, operator, "resent", message.status(), null,
                        "reopened for a deliberate resend", now));
                return true;
            });
        } catch (ResendRefused e) {
            reopened = false;
        }
        if (!reopened) {
            return recorded(find(idempotencyKey), action, operator, "not-resendable", null,
                    "the message changed meanwhile; nothing was resent");
        }
        dispatch(idempotencyKey);
        LOG.info("operator {} resent SMS {}", operator, idempotencyKey);
        return new ActionResult(idempotencyKey, "resent", "pending", null,
                "reopened and queued: the hub sends it once more under the same key");
    }

    private Lookup lookUpAndSettle(SmsMessage message, String action, String operator) {
        String key = message.idempotencyKey();
        Optional<SmsSender.SentMessage> found;
        try {
            found = vendor.find(key, message.to(), message.payload(), message.createdAt());
        } catch (SmsSender.LookupFailedException e) {
            return new Lookup(recorded(message, action, operator, "lookup-failed", null,
                    "the vendor could not be asked (" + e.getMessage() + "); the message stays unknown and was not "
                            + "resent"), false);
        }
        if (found.isEmpty()) {
            ActionResult notFound = recorded(message, action, operator, "not-found", null, "the vendor has no message "
                    + "with this text to this number since " + message.createdAt() + " that is not already recorded "
                    + "for another key; it stays unknown");
            return new Lookup(notFound, true);
        }
        String sid = found.get().providerMessageId();
        String status = deliveryStatus(found.get().status());
        Instant now = clock.instant();
        boolean settled = tx.inTransaction(() -> {
            if (!messages.settleUnknown(key, sid, status)) {
                return false;
            }
            sideEffects.complete(key, SideEffectStatus.SUCCEEDED, sid, null, now);
            actions.record(new OperatorAction(key, action, operator, "found", message.status(), sid,
                    "found at the vendor as " + sid + " (" + found.get().status() + "): settled as sent", now));
            return true;
        });
        if (!settled) {
            SmsMessage current = find(key);
            if ("unknown".equals(current.status())) {
                // a concurrent lookup of another key with the same text took this message first: it is not ours
                return new Lookup(recorded(current, action, operator, "not-found", null, "found at the vendor as " + sid
                        + ", but that message was recorded for another key meanwhile; it stays unknown"), true);
            }
            return new Lookup(recorded(current, action, operator, "not-unknown", sid,
                    "found at the vendor as " + sid + ", but the message was settled meanwhile"), false);
        }
        LOG.info("operator {} settled SMS {} as sent ({}) after a lookup", operator, key, sid);
        return new Lookup(new ActionResult(key, "found", status, sid, "found at the vendor as " + sid
                + ": settled as sent, not resent"), false);
    }

    /** The vendor's status in the hub's forward-only terms; a status the hub does not track counts as sent. */
    private static String deliveryStatus(String vendorStatus) {
        SmsDeliveryStatus status = SmsDeliveryStatus.ofVendorName(vendorStatus);
        return status == null ? SmsDeliveryStatus.SENT.dbValue() : status.dbValue();
    }

    /** Hands the reopened side effect to its queue; if that fails the relay does it (it is pending, undispatched). */
    private void dispatch(String idempotencyKey) {
        dispatch.enqueueNow(IdempotencyKey.parse(idempotencyKey));
    }

    private ActionResult recorded(SmsMessage message, String action, String operator, String outcome,
                                  String providerMessageId, String text) {
        actions.record(new OperatorAction(message.idempotencyKey(), action, operator, outcome, message.status(),
                providerMessageId, text, clock.instant()));
        return new ActionResult(message.idempotencyKey(), outcome, message.status(), providerMessageId, text);
    }

    private SmsMessage find(String idempotencyKey) {
        return messages.find(idempotencyKey)
                .orElseThrow(() -> new NotFoundException("SMS message with key", idempotencyKey));
    }

    private record Lookup(ActionResult result, boolean notFound) {
    }

    /** Rolls back a reopen whose side effect was not in a reopenable state. */
    private static final class ResendRefused extends RuntimeException {
        ResendRefused() {
            super(null, null, false, false);
        }
    }
}
