package io.financehub.application.service;

import io.financehub.application.port.out.SmsMessageLog;
import io.financehub.application.port.out.SmsSender;
import io.financehub.application.port.out.SmsTemplates;
import io.financehub.application.port.out.VendorExchange;
import io.financehub.application.port.out.VendorOutcome;
import io.financehub.domain.model.Invoice;
import io.financehub.domain.model.SideEffect;
import io.financehub.domain.model.SideEffectAction;
import io.financehub.domain.model.SideEffectStatus;

import java.util.Set;

/**
 * Sends at most one SMS per key. The SMS vendor has no idempotency, so an attempt whose outcome is unknown is
 * never sent again automatically: it is looked up at the vendor, and stays {@code UNKNOWN} when not found.
 */
public class SmsNotificationHandler implements SideEffectHandler {

    private final SmsSender sender;
    private final SmsMessageLog messages;
    private final SmsTemplates templates;
    private final String statusCallbackUrl;

    public SmsNotificationHandler(SmsSender sender, SmsMessageLog messages, SmsTemplates templates,
                                  String statusCallbackUrl) {
        this.sender = sender;
        this.messages = messages;
        this.templates = templates;
        this.statusCallbackUrl = statusCallbackUrl;
    }

    @Override
    public Set<SideEffectAction> actions() {
        return Set.of(SideEffectAction.SMS_INVOICE_ISSUED, SideEffectAction.SMS_PAYMENT_RECEIPT,
                SideEffectAction.SMS_PAYMENT_FAILED, SideEffectAction.SMS_REFUND);
    }

    @Override
    public void onClaim(SideEffect effect, Invoice invoice) {
        SmsTemplates.RenderedSms sms = templates.render(effect, invoice);
        messages.claimed(invoice.invoiceId(), effect.key().value(), invoice.customer().phone(), sms.template(), sms.body());
    }

    @Override
    public VendorOutcome perform(SideEffect effect, Invoice invoice) {
        // a fresh claim follows either nothing or an attempt the vendor refused outright (429): safe to send
        return send(effect, invoice);
    }

    @Override
    public VendorOutcome resume(SideEffect effect, Invoice invoice) {
        SmsTemplates.RenderedSms sms = templates.render(effect, invoice);
        return sender.findSent(invoice.customer().phone(), sms.body(), effect.createdAt())
                .<VendorOutcome>map(sid -> new VendorOutcome.Succeeded(sid,
                        new VendorExchange("lookup To=" + invoice.customer().phone(), "found " + sid, null)))
                .orElseGet(() -> new VendorOutcome.Unknown("earlier send's outcome unknown and not found at the vendor",
                        new VendorExchange("lookup To=" + invoice.customer().phone(), "not found", null)));
    }

    @Override
    public boolean retriesUnknownOutcome() {
        return false;
    }

    @Override
    public void onOutcome(SideEffect effect, Invoice invoice, VendorOutcome outcome, SideEffectStatus status) {
        messages.finished(effect.key().value(), outcome, status);
    }

    private VendorOutcome send(SideEffect effect, Invoice invoice) {
        SmsTemplates.RenderedSms sms = templates.render(effect, invoice);
        return sender.send(new SmsSender.SmsRequest(effect.key().value(), invoice.customer().phone(), sms.body(),
                statusCallbackUrl));
    }
}
