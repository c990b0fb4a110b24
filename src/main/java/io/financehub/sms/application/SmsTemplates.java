package io.financehub.sms.application;

import io.financehub.invoice.domain.Invoice;
import io.financehub.sideeffect.domain.SideEffect;

/** Text of the SMS for each SMS action, kept outside the code so integration engineers can edit it. */
public interface SmsTemplates {

    RenderedSms render(SideEffect effect, Invoice invoice);

    record RenderedSms(String template, String body) {
    }
}
