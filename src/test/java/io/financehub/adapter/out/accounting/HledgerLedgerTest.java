package io.financehub.adapter.out.accounting;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.financehub.application.port.out.AccountingLedger;
import io.financehub.application.port.out.AccountingLedger.LedgerTransaction;
import io.financehub.application.port.out.VendorOutcome;
import io.financehub.domain.model.JournalEntry;
import io.financehub.domain.model.Money;
import io.financehub.support.HubIntegrationTest;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link HledgerLedger} against a stand-in for hledger-web: what it sends and how it reads each answer. */
class HledgerLedgerTest {

    private static final JournalEntry ENTRY = new JournalEntry("INV-1:post-invoice", "INV-1", LocalDate.of(2026, 1, 15),
            "Invoice INV-1 issued", new Money(12500, "USD"), JournalEntry.RECEIVABLE, JournalEntry.SALES);

    private final WireMockServer wire = new WireMockServer(wireMockConfig().dynamicPort());
    private final DefaultCamelContext camel = new DefaultCamelContext();
    private HledgerLedger ledger;

    @BeforeEach
    void start() {
        wire.start();
        // what camel-spring-boot's http auto-configuration does to every HttpComponent added to the context
        camel.getRegistry().bind("springBootHttpDefaults", ComponentCustomizer.forType(HttpComponent.class,
                c -> c.setAutomaticRetriesDisabled(false)));
        camel.start();
        ledger = new HledgerLedger(LedgerHttpClient.register(camel, "test-hledger-http", Duration.ofSeconds(2), 1),
                wire.baseUrl());
    }

    @AfterEach
    void stop() {
        camel.stop();
        wire.stop();
    }

    @Test
    void createdIsSuccessWithTheJournalHeaderAsReference() {
        wire.stubFor(put("/add").willReturn(aResponse().withStatus(201)));

        VendorOutcome outcome = ledger.post(ENTRY);

        assertThat(outcome).isInstanceOf(VendorOutcome.Succeeded.class);
        assertThat(((VendorOutcome.Succeeded) outcome).reference()).isEqualTo("2026-01-15 (INV-1:post-invoice)");
        assertThat(outcome.exchange().httpStatus()).isEqualTo(201);
        wire.verify(1, putRequestedFor(urlEqualTo("/add"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(HledgerTransactionFormat.transaction(ENTRY).toString())));
    }

    @Test
    void aBodyHledgerCannotParseIsRejected() {
        wire.stubFor(put("/add").willReturn(aResponse().withStatus(400)
                .withBody("\"could not parse json: key \\\"tindex\\\" not found\"")));

        assertThat(ledger.post(ENTRY)).isInstanceOf(VendorOutcome.Rejected.class);
    }

    @Test
    void forbiddenIsUnknownBecauseHledgerWebAlsoAnswersInternalErrorsWith403() {
        wire.stubFor(put("/add").willReturn(aResponse().withStatus(403)
                .withBody("server-side UI is disabled due to --serve-api")));

        assertThat(ledger.post(ENTRY)).isInstanceOf(VendorOutcome.Unknown.class);
    }

    @Test
    void serverErrorIsUnknown() {
        wire.stubFor(put("/add").willReturn(aResponse().withStatus(500).withBody("Internal Server Error")));

        assertThat(ledger.post(ENTRY)).isInstanceOf(VendorOutcome.Unknown.class);
    }

    @Test
    void aDroppedConnectionIsUnknownAndThePutIsNotResentByTheHttpClient() {
        wire.stubFor(put("/add").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        VendorOutcome outcome = ledger.post(ENTRY);

        assertThat(outcome).isInstanceOf(VendorOutcome.Unknown.class);
        assertThat(outcome.exchange().request()).contains("\"tcode\":\"INV-1:post-invoice\"");
        wire.verify(1, putRequestedFor(urlEqualTo("/add")));
    }

    @Test
    void aSlowAnswerIsUnknown() {
        wire.stubFor(put("/add").willReturn(aResponse().withStatus(201).withFixedDelay(4000)));

        assertThat(ledger.post(ENTRY)).isInstanceOf(VendorOutcome.Unknown.class);
    }

    @Test
    void nothingListeningIsUnknown() {
        DefaultCamelContext other = new DefaultCamelContext();
        other.start();
        try {
            HledgerLedger down = new HledgerLedger(LedgerHttpClient.register(other, "down-http", Duration.ofSeconds(1),
                    1), "http://127.0.0.1:" + HubIntegrationTest.freePort());
            assertThat(down.post(ENTRY)).isInstanceOf(VendorOutcome.Unknown.class);
            assertThatThrownBy(() -> down.findPosted("INV-1:post-invoice"))
                    .isInstanceOf(AccountingLedger.LedgerUnavailableException.class);
        } finally {
            other.stop();
        }
    }

    @Test
    void findPostedMatchesTheTcode() {
        wire.stubFor(get("/transactions").willReturn(aResponse().withStatus(200).withBody("["
                + transactionJson("INV-10:post-invoice", 100) + "," + transactionJson("INV-1:post-invoice", 12500)
                + "]")));

        LedgerTransaction found = ledger.findPosted("INV-1:post-invoice").orElseThrow();

        assertThat(found.amountMinor()).isEqualTo(12500);
        assertThat(found.reference()).isEqualTo("2026-01-15 (INV-1:post-invoice)");
        assertThat(ledger.findPosted("INV-2:post-invoice")).isEmpty();
    }

    @Test
    void anUnreadableJournalIsNeverTakenForAnAbsentTransaction() {
        wire.stubFor(get("/transactions").willReturn(aResponse().withStatus(500)));

        assertThatThrownBy(() -> ledger.findPosted("INV-1:post-invoice"))
                .isInstanceOf(AccountingLedger.LedgerUnavailableException.class);
    }

    @Test
    void transactionsKeepDuplicatesAndSkipEntriesPeopleTypedIn() {
        wire.stubFor(get("/transactions").willReturn(aResponse().withStatus(200).withBody("["
                + transactionJson("INV-1:post-invoice", 12500) + "," + transactionJson("INV-1:post-invoice", 12500)
                + "," + transactionJson("CHK-17", 500) + "]")));

        List<LedgerTransaction> all = ledger.transactions();

        assertThat(all).extracting(LedgerTransaction::idempotencyKey)
                .containsExactly("INV-1:post-invoice", "INV-1:post-invoice");
    }

    private static String transactionJson(String tcode, long minor) {
        return HledgerTransactionFormat.transaction(new JournalEntry(tcode, "INV-1", LocalDate.of(2026, 1, 15),
                "Invoice INV-1 issued", new Money(minor, "USD"), JournalEntry.RECEIVABLE, JournalEntry.SALES))
                .toString();
    }
}
