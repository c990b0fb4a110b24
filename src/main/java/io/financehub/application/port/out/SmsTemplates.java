package io.financehub.application.port.out;

import io.financehub.domain.model.Invoice;
import io.financehub.domain.model.SideEffect;

/** Text of the SMS for each SMS action, kept outside the code so integration engineers can edit it. */
public interface SmsTemplates {

    RenderedSms render(SideEffect effect, Invoice invoice);

    record RenderedSms(String template, String body) {
    }
}
