package io.financehub.sms;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code smsTemplates} bean is built at start: a template with an unknown field stops the hub there. */
class SmsTemplatesAtStartTest {

    @Test
    void packagedTemplatesLoad() throws Exception {
        assertThat(new SmsConfiguration().smsTemplates(new ClassPathResource("sms-templates.properties"))).isNotNull();
    }

    @Test
    void templateWithUnknownFieldFailsTheBean() {
        String file = """
                sms-invoice-issued=Hi {customerName}, invoice {invoiceId} for {amount}.
                sms-payment-receipt=Thanks for {amount}.
                sms-payment-failed=Payment of {amount} failed.
                sms-refund=Refunded {refundAmount} to {customerEmail}.
                """;

        assertThatThrownBy(() -> new SmsConfiguration().smsTemplates(
                new ByteArrayResource(file.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("{customerEmail}");
    }
}
