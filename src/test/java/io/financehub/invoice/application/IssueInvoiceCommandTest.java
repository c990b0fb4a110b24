package io.financehub.invoice.application;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class IssueInvoiceCommandTest {

    private static Map<String, Object> valid() {
        Map<String, Object> json = new HashMap<>();
        json.put("invoiceId", "INV-1001");
        json.put("customer", Map.of("id", "C-42", "name", "Ada Lovelace", "phone", "+15551234567"));
        json.put("currency", "USD");
        json.put("amountMinor", 12500);
        json.put("description", "Consulting, March");
        json.put("somethingElse", "ignored");
        return json;
    }

    @Test
    void acceptsTheDocumentedExampleAndIgnoresUnknownFields() {
        IssueInvoiceCommand command = IssueInvoiceCommand.fromJson(valid());

        assertThat(command.invoiceId()).isEqualTo("INV-1001");
        assertThat(command.amount().display()).isEqualTo("USD 125.00");
        assertThat(command.contentHash()).hasSize(64).isEqualTo(IssueInvoiceCommand.fromJson(valid()).contentHash());
    }

    @Test
    void reportsOneDetailPerBadField() {
        Map<String, Object> json = Map.of("invoiceId", "no spaces!", "currency", "XXQ", "amountMinor", 0,
                "customer", Map.of("id", "C", "phone", "12"));

        CommandValidationException e = catchThrowableOfType(() -> IssueInvoiceCommand.fromJson(json),
                CommandValidationException.class);

        assertThat(e.errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("invoiceId", "currency", "amountMinor", "customer.phone");
    }

    @Test
    void typeErrorsAreFieldErrorsToo() {
        Map<String, Object> json = valid();
        json.put("amountMinor", 125.5);
        json.put("currency", 840);

        CommandValidationException e = catchThrowableOfType(() -> IssueInvoiceCommand.fromJson(json),
                CommandValidationException.class);

        assertThat(e.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("amountMinor", "currency");
    }

    @Test
    void amountBoundsAreInclusive() {
        Map<String, Object> json = valid();
        json.put("amountMinor", 1_000_000_000_000L);
        assertThat(IssueInvoiceCommand.fromJson(json).amountMinor()).isEqualTo(1_000_000_000_000L);
        json.put("amountMinor", new BigInteger("1000000000001"));
        assertThat(catchThrowableOfType(() -> IssueInvoiceCommand.fromJson(json), CommandValidationException.class))
                .isNotNull();
        json.put("amountMinor", new BigInteger("99999999999999999999999"));
        assertThat(catchThrowableOfType(() -> IssueInvoiceCommand.fromJson(json), CommandValidationException.class))
                .isNotNull();
    }

    @Test
    void differentContentHasADifferentHash() {
        Map<String, Object> other = valid();
        other.put("amountMinor", 12501);
        assertThat(IssueInvoiceCommand.fromJson(other).contentHash())
                .isNotEqualTo(IssueInvoiceCommand.fromJson(valid()).contentHash());
    }

    @Test
    void refusesControlCharactersAndLoneSurrogatesInEveryTextField() {
        for (String hostile : new String[]{"\u0000", "\t", "\n", "\r", "\u001f", "\u007f", "\u009b", "\u2028",
                "\u2029", "\udc00", "\ud83d"}) {
            Map<String, Object> json = valid();
            json.put("description", "a" + hostile + "b");
            json.put("customer", Map.of("id", "C" + hostile, "name", "Ada" + hostile, "phone", "+15551234567"));

            CommandValidationException e = catchThrowableOfType(() -> IssueInvoiceCommand.fromJson(json),
                    CommandValidationException.class);

            assertThat(e).as("U+%04X", (int) hostile.charAt(0)).isNotNull();
            assertThat(e.errors()).extracting(FieldError::field)
                    .containsExactlyInAnyOrder("description", "customer.id", "customer.name");
        }
    }

    @Test
    void keepsOrdinaryUnicodeText() {
        Map<String, Object> json = valid();
        json.put("description", "Beratung für März — 5 × 20 € \ud83d\ude80");
        json.put("customer", Map.of("id", "C-42", "name", "Zoë Ørsted-山田"));

        IssueInvoiceCommand command = IssueInvoiceCommand.fromJson(json);

        assertThat(command.description()).endsWith("\ud83d\ude80");
        assertThat(command.customerName()).isEqualTo("Zoë Ørsted-山田");
    }
}
