package io.financehub.ledger.adapter;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.financehub.invoice.domain.Money;
import io.financehub.ledger.domain.JournalEntry;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import io.financehub.support.VendorRoutes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/** {@link HledgerLedger}'s tests share this: a stand-in for hledger-web, and a ledger on it built as the hub does. */
abstract class HledgerLedgerBase {

    static final JournalEntry ENTRY = new JournalEntry("INV-1:post-invoice", "INV-1", LocalDate.of(2026, 1, 15),
            "Invoice INV-1 issued", new Money(12500, "USD"), JournalEntry.RECEIVABLE, JournalEntry.SALES);
    static final UUID MARKER = UUID.fromString("00000000-0000-0000-0000-000000000042");
    static final String MARKER_CODE = "hub-sync:" + MARKER;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-16T08:00:00Z"), ZoneOffset.UTC);

    final WireMockServer wire = new WireMockServer(wireMockConfig().dynamicPort());
    final DefaultCamelContext camel = new DefaultCamelContext();
    HledgerLedger ledger;

    @BeforeEach
    void start() {
        wire.start();
        // what camel-spring-boot's http auto-configuration does to every HttpComponent added to the context
        camel.getRegistry().bind("springBootHttpDefaults", ComponentCustomizer.forType(HttpComponent.class,
                c -> c.setAutomaticRetriesDisabled(false)));
        camel.start();
        VendorRoutes.add(camel, Map.of("hub.accounting.base-url", wire.baseUrl(), "hub.accounting.timeout", "2s"),
                "hledger-read-transactions", "hledger-add-transaction");
        ledger = new HledgerLedger(new LedgerHttpClient(camel.createProducerTemplate()), Duration.ofSeconds(2),
                Duration.ofSeconds(10), CLOCK, () -> MARKER);
    }

    @AfterEach
    void stop() {
        camel.stop();
        wire.stop();
    }
}
