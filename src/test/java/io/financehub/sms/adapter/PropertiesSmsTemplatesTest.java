package io.financehub.sms.adapter;

import io.financehub.invoice.domain.Customer;
import io.financehub.sideeffect.domain.IdempotencyKey;
import io.financehub.invoice.domain.Invoice;
import io.financehub.invoice.domain.Money;
import io.financehub.invoice.domain.PaymentFacts;
import io.financehub.sideeffect.domain.SideEffect;
import io.financehub.sideeffect.domain.SideEffectAction;
import io.financehub.sideeffect.domain.SideEffectStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The packaged SMS templates: every action has one, amounts follow the currency's exponent, bad templates stop the start. */
class PropertiesSmsTemplatesTest {

    @Test
    void amountsAreFormattedPerCurrency() throws IOException {
        PropertiesSmsTemplates templates = new PropertiesSmsTemplates(packaged());

        assertThat(templates.render(effect("INV-1", SideEffectAction.SMS_INVOICE_ISSUED, Map.of()),
                invoice("INV-1", "USD", 12500)).body())
                .isEqualTo("Hi Ada Lovelace, invoice INV-1 for USD 125.00 has been issued.");
        assertThat(templates.render(effect("INV-2", SideEffectAction.SMS_INVOICE_ISSUED, Map.of()),
                invoice("INV-2", "JPY", 12500)).body())
                .isEqualTo("Hi Ada Lovelace, invoice INV-2 for JPY 12500 has been issued.");
        assertThat(templates.render(effect("INV-3", SideEffectAction.SMS_INVOICE_ISSUED, Map.of()),
                invoice("INV-3", "BHD", 12500)).body()).contains("BHD 12.500");
    }

    @Test
    void everySmsActionHasItsTemplateAndTheTemplateNameIsKept() throws IOException {
        PropertiesSmsTemplates templates = new PropertiesSmsTemplates(packaged());
        Invoice invoice = invoice("INV-4", "USD", 12500);

        assertThat(templates.render(effect("INV-4", SideEffectAction.SMS_PAYMENT_RECEIPT, Map.of()), invoice))
                .isEqualTo(new PropertiesSmsTemplates.RenderedSms("sms-payment-receipt",
                        "Thank you Ada Lovelace: we received USD 125.00 for invoice INV-4."));
        assertThat(templates.render(effect("INV-4", SideEffectAction.SMS_PAYMENT_FAILED, Map.of()), invoice).body())
                .contains("failed");
        assertThat(templates.render(new SideEffect(IdempotencyKey.of("INV-4", SideEffectAction.SMS_REFUND, "evt_1"),
                        SideEffectStatus.PENDING, 0, Map.of("amountMinor", "2500"), null, null, Instant.now(), null, null),
                invoice).body()).isEqualTo("Hi Ada Lovelace, USD 25.00 of invoice INV-4 has been refunded.");
    }

    @Test
    void unknownFieldFailsAtConstruction() throws IOException {
        Properties broken = packaged();
        broken.setProperty("sms-refund", "Refund of {refundAmont} for {invoiceId}");

        assertThatThrownBy(() -> new PropertiesSmsTemplates(broken)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sms-refund").hasMessageContaining("{refundAmont}");
    }

    @Test
    void missingTemplateFailsAtConstruction() throws IOException {
        Properties broken = packaged();
        broken.remove("sms-payment-failed");

        assertThatThrownBy(() -> new PropertiesSmsTemplates(broken)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sms-payment-failed");
    }

    static Properties packaged() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(PropertiesSmsTemplatesTest.class
                .getResourceAsStream("/sms-templates.properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    static Invoice invoice(String id, String currency, long amountMinor) {
        return new Invoice(id, new Customer("C-1", "Ada Lovelace", "+15551234567"), new Money(amountMinor, currency),
                "Consulting", "hash", new PaymentFacts(false, false, false, 0), Instant.now());
    }

    static SideEffect effect(String invoiceId, SideEffectAction action, Map<String, String> parameters) {
        return new SideEffect(IdempotencyKey.of(invoiceId, action), SideEffectStatus.PENDING, 0, parameters, null, null,
                Instant.now(), null, null);
    }
}
