package io.financehub.invoice.adapter;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.invoice.adapter.InvoiceCommandReader.InvalidCommandException;
import io.financehub.invoice.adapter.InvoiceCommandReader.Malformation;
import io.financehub.invoice.adapter.InvoiceCommandReader.MalformedCommandException;
import io.financehub.support.HubClient;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** One reading of the command JSON for both channels; each channel words the refusals itself. */
class InvoiceCommandReaderTest {

    private final InvoiceCommandReader reader = new InvoiceCommandReader(new ObjectMapper());

    @Test
    void bothChannelsReadTheSameCommand() {
        String json = HubClient.invoiceJson("INV-R-1", "EUR", 4200, null);

        assertThat(reader.read(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(reader.read(json));
        assertThat(reader.read(json).invoiceId()).isEqualTo("INV-R-1");
    }

    @Test
    void saysWhyABodyIsNoJsonObject() {
        assertThat(malformation(() -> reader.read(new byte[0]))).isEqualTo(Malformation.EMPTY);
        assertThat(malformation(() -> reader.read("{"))).isEqualTo(Malformation.NOT_JSON);
        assertThat(malformation(() -> reader.read(""))).isEqualTo(Malformation.NOT_JSON);
        assertThat(malformation(() -> reader.read("[1]".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(Malformation.NOT_OBJECT);
        assertThat(malformation(() -> reader.read((String) null))).isEqualTo(Malformation.NOT_OBJECT);
    }

    @Test
    void anInvalidCommandCarriesItsFieldErrorsAndAnAuditableId() {
        InvalidCommandException invalid = catchThrowableOfType(InvalidCommandException.class,
                () -> reader.read(HubClient.invoiceJson("INV-R-2", "EURO", -1, null)));

        assertThat(invalid.auditableInvoiceId()).isEqualTo("INV-R-2");
        assertThat(invalid.validation().errors()).isNotEmpty();
        assertThat(invalid.getMessage()).isEqualTo(invalid.validation().getMessage());
    }

    private static Malformation malformation(Runnable read) {
        return catchThrowableOfType(MalformedCommandException.class, read::run).malformation();
    }
}
