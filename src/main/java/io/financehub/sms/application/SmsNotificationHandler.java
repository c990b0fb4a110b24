package io.financehub.sms.application;

import io.financehub.event.application.DomainEventOutbox;
import io.financehub.event.domain.EventType;
import io.financehub.sideeffect.application.SideEffectHandler;
import io.financehub.sideeffect.application.VendorExchange;
import io.financehub.sideeffect.application.VendorOutcome;
import io.financehub.invoice.application.InvoiceRepository;
import io.financehub.invoice.domain.Invoice;
import io.financehub.invoice.domain.PhoneNumber;
import io.financehub.sideeffect.domain.SideEffect;
import io.financehub.sideeffect.domain.SideEffectAction;
import io.financehub.sideeffect.domain.SideEffectStatus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Sends at most one SMS per key. The SMS vendor has no idempotency, so an attempt whose outcome is unknown is
 * never sent again automatically: it is looked up at the vendor, and stays {@code UNKNOWN} when not found.
 * The text sent is the one stored when the key was first claimed, so the audit row is exactly what went out and a
 * lookup searches for exactly that text, even if the templates were edited in between. An SMS that ends failed or
 * unknown is reported ({@code sms.failed}, {@code sms.unknown}) in the transaction that records it; delivery is
 * reported from the vendor's status callbacks ({@link SmsDeliveryService}).
 */
public class SmsNotificationHandler implements SideEffectHandler<Invoice> {

    private final SmsSender sender;
    private final SentSmsLookup lookup;
    private final SmsMessageLog messages;
    private final SmsTemplates templates;
    private final InvoiceRepository invoices;
    private final DomainEventOutbox events;
    private final String statusCallbackUrl;

    public SmsNotificationHandler(SmsSender sender, SmsMessageLog messages, SmsTemplates templates,
                                  InvoiceRepository invoices, DomainEventOutbox events, String statusCallbackUrl) {
        this.sender = sender;
        this.lookup = new SentSmsLookup(sender, messages);
        this.messages = messages;
        this.templates = templates;
        this.invoices = invoices;
        this.events = events;
        this.statusCallbackUrl = statusCallbackUrl;
    }

    @Override
    public String vendor() {
        return sender.vendor();
    }

    @Override
    public Set<SideEffectAction> actions() {
        return Set.of(SideEffectAction.SMS_INVOICE_ISSUED, SideEffectAction.SMS_PAYMENT_RECEIPT,
                SideEffectAction.SMS_PAYMENT_FAILED, SideEffectAction.SMS_REFUND);
    }

    @Override
    public Invoice subject(SideEffect effect) {
        return invoices.subjectOf(effect);
    }

    @Override
    public void onClaim(SideEffect effect, Invoice invoice) {
        SmsTemplates.RenderedSms sms = templates.render(effect, invoice);
        messages.claimed(invoice.invoiceId(), effect.key().value(), invoice.customer().phone(), sms.template(), sms.body());
    }

    @Override
    public VendorOutcome perform(SideEffect effect, Invoice invoice) {
        // a fresh claim follows nothing, an attempt the vendor refused (429, connection never opened), or an
        // operator's deliberate resend: safe to send
        Text text = storedText(effect, invoice);
        return sender.send(new SmsSender.SmsRequest(effect.key().value(), text.to(), text.body(), statusCallbackUrl));
    }

    @Override
    public VendorOutcome resume(SideEffect effect, Invoice invoice) {
        Text text = storedText(effect, invoice);
        String request = "lookup To=" + PhoneNumber.mask(text.to()) + " since " + effect.createdAt();
        try {
            return lookup.find(effect.key().value(), text.to(), text.body(), effect.createdAt())
                    .<VendorOutcome>map(found -> new VendorOutcome.Succeeded(found.providerMessageId(),
                            new VendorExchange(request, "found " + found.providerMessageId() + " (" + found.status()
                                    + ")", null)))
                    .orElseGet(() -> new VendorOutcome.Unknown("earlier send's outcome unknown and not found at the "
                            + "vendor (messages recorded for other keys excluded)",
                            new VendorExchange(request, "not found", null)));
        } catch (SmsSender.LookupFailedException e) {
            return new VendorOutcome.Unknown("earlier send's outcome unknown and the vendor lookup failed: "
                    + e.getMessage(), VendorExchange.requestOnly(request));
        }
    }

    @Override
    public boolean retriesUnknownOutcome(SideEffect effect) {
        return false;
    }

    @Override
    public void onOutcome(SideEffect effect, Invoice invoice, VendorOutcome outcome, SideEffectStatus status) {
        messages.finished(effect.key().value(), outcome, status);
        EventType type = status == SideEffectStatus.FAILED ? EventType.SMS_FAILED
                : status == SideEffectStatus.UNKNOWN ? EventType.SMS_UNKNOWN : null;
        if (type != null) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("idempotencyKey", effect.key().value());
            data.put("action", effect.action().keyPart());
            data.put("template", messages.find(effect.key().value()).map(SmsMessageLog.SmsMessage::template)
                    .orElse(null));
            data.put("status", status.dbValue());
            data.put("errorCode", outcome.rejectionCode());
            data.put("reason", outcome.summary());
            events.record(type, invoice.invoiceId(), data);
        }
    }

    private Text storedText(SideEffect effect, Invoice invoice) {
        return messages.find(effect.key().value())
                .map(m -> new Text(m.to(), m.payload()))
                .orElseGet(() -> new Text(invoice.customer().phone(), templates.render(effect, invoice).body()));
    }

    private record Text(String to, String body) {
    }
}
