package io.financehub.ledger.adapter;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.financehub.ledger.application.AccountingLedger;
import io.financehub.ledger.application.AccountingLedger.LedgerTransaction;
import io.financehub.sideeffect.application.VendorOutcome;
import io.financehub.ledger.domain.JournalEntry;
import io.financehub.invoice.domain.Money;
import io.financehub.support.HubIntegrationBase;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link HledgerLedger} against a stand-in for hledger-web: what it sends and how it reads each answer. */
class HledgerLedgerTest {

    private static final JournalEntry ENTRY = new JournalEntry("INV-1:post-invoice", "INV-1", LocalDate.of(2026, 1, 15),
            "Invoice INV-1 issued", new Money(12500, "USD"), JournalEntry.RECEIVABLE, JournalEntry.SALES);
    private static final UUID MARKER = UUID.fromString("00000000-0000-0000-0000-000000000042");
    private static final String MARKER_CODE = "hub-sync:" + MARKER;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-16T08:00:00Z"), ZoneOffset.UTC);

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
                wire.baseUrl(), Duration.ofSeconds(2), Duration.ofSeconds(10), CLOCK, () -> MARKER);
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
                    1), "http://127.0.0.1:" + HubIntegrationBase.freePort(), Duration.ofSeconds(1),
                    Duration.ofSeconds(10), CLOCK);
            assertThat(down.post(ENTRY)).isInstanceOf(VendorOutcome.Unknown.class);
            assertThatThrownBy(() -> down.findPosted("INV-1:post-invoice"))
                    .isInstanceOf(AccountingLedger.LedgerUnavailableException.class);
        } finally {
            other.stop();
        }
    }

    @Test
    void aLookupThatFindsTheKeyInThePlainReadWritesNoMarker() {
        wire.stubFor(put("/add").willReturn(aResponse().withStatus(201)));
        wire.stubFor(get("/transactions").willReturn(aResponse().withStatus(200).withBody("["
                + transactionJson("INV-10:post-invoice", 100) + "," + transactionJson("INV-1:post-invoice", 12500)
                + "]")));

        LedgerTransaction found = ledger.findPosted("INV-1:post-invoice").orElseThrow();

        assertThat(found.amountMinor()).isEqualTo(12500);
        assertThat(found.reference()).isEqualTo("2026-01-15 (INV-1:post-invoice)");
        wire.verify(0, putRequestedFor(urlEqualTo("/add")));
        wire.verify(1, getRequestedFor(urlEqualTo("/transactions")));
    }

    @Test
    void aLookupThatMissesTheKeyWritesOneMarkerThatMovesNoMoneyAndReadsAgain() {
        wire.stubFor(get("/transactions").inScenario("marker").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(200).withBody("[" + transactionJson("INV-10:post-invoice", 100)
                        + "]")));
        wire.stubFor(put("/add").inScenario("marker").willReturn(aResponse().withStatus(201))
                .willSetStateTo("marked"));
        wire.stubFor(get("/transactions").inScenario("marker").whenScenarioStateIs("marked")
                .willReturn(aResponse().withStatus(200).withBody("[" + transactionJson("INV-10:post-invoice", 100)
                        + "," + transactionJson("INV-1:post-invoice", 12500) + "," + markerJson() + "]")));

        LedgerTransaction found = ledger.findPosted("INV-1:post-invoice").orElseThrow();

        assertThat(found.reference()).isEqualTo("2026-01-15 (INV-1:post-invoice)");
        wire.verify(1, putRequestedFor(urlEqualTo("/add"))
                .withRequestBody(matchingJsonPath("$.tcode", equalTo(MARKER_CODE)))
                .withRequestBody(matchingJsonPath("$.tdescription", equalTo("hub-sync read marker")))
                .withRequestBody(matchingJsonPath("$.tcomment", equalTo("hub-sync:")))
                .withRequestBody(matchingJsonPath("$.tdate", equalTo("2026-01-16")))
                .withRequestBody(matchingJsonPath("$.tpostings.length()", equalTo("0"))));
        wire.verify(2, getRequestedFor(urlEqualTo("/transactions")));
    }

    @Test
    void aReadThatNeverShowsTheMarkerIsNotCurrentAndCostsOneMarkerOnly() {
        wire.stubFor(put("/add").willReturn(aResponse().withStatus(201)));
        wire.stubFor(get("/transactions").willReturn(aResponse().withStatus(200).withBody("["
                + transactionJson("INV-10:post-invoice", 100) + "]")));

        assertThatThrownBy(() -> ledger.findPosted("INV-1:post-invoice"))
                .isInstanceOf(AccountingLedger.LedgerUnavailableException.class)
                .hasMessageContaining("did not re-read");
        assertThatThrownBy(() -> ledger.transactions())
                .isInstanceOf(AccountingLedger.LedgerUnavailableException.class);
        wire.verify(2, putRequestedFor(urlEqualTo("/add")));
    }

    @Test
    void theMarkerIsWrittenAQuietMomentAfterTheReadBeforeIt() {
        wire.stubFor(put("/add").willReturn(aResponse().withStatus(201)));
        wire.stubFor(get("/transactions").willReturn(aResponse().withStatus(200).withBody("[" + markerJson() + "]")));

        assertThat(ledger.findPosted("INV-1:post-invoice")).isEmpty();

        List<LoggedRequest> requests = wire.getAllServeEvents().stream().map(e -> e.getRequest())
                .sorted(java.util.Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
        assertThat(requests).extracting(r -> r.getMethod().getName()).containsExactly("GET", "PUT", "GET");
        assertThat(requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime())
                .isGreaterThanOrEqualTo(HledgerLedger.QUIET_BEFORE_MARKER.toMillis());
    }

    @Test
    void aReconciliationReadWritesExactlyOneMarker() {
        wire.stubFor(put("/add").willReturn(aResponse().withStatus(201)));
        wire.stubFor(get("/transactions").willReturn(aResponse().withStatus(200).withBody("["
                + transactionJson("INV-1:post-invoice", 12500) + "," + markerJson() + "]")));

        assertThat(ledger.transactions()).hasSize(1);

        wire.verify(1, putRequestedFor(urlEqualTo("/add")));
    }

    @Test
    void anUnreadableJournalIsNeverTakenForAnAbsentTransaction() {
        wire.stubFor(put("/add").willReturn(aResponse().withStatus(201)));
        wire.stubFor(get("/transactions").willReturn(aResponse().withStatus(500)));

        assertThatThrownBy(() -> ledger.findPosted("INV-1:post-invoice"))
                .isInstanceOf(AccountingLedger.LedgerUnavailableException.class);
    }

    @Test
    void aFailedMarkerWriteMakesTheLedgerUnavailable() {
        wire.stubFor(put("/add").willReturn(aResponse().withStatus(500)));
        wire.stubFor(get("/transactions").willReturn(aResponse().withStatus(200).withBody("[]")));

        assertThatThrownBy(() -> ledger.transactions())
                .isInstanceOf(AccountingLedger.LedgerUnavailableException.class)
                .hasMessageContaining("marker write answered 500");
        wire.verify(1, getRequestedFor(urlEqualTo("/transactions")));
    }

    @Test
    void transactionsKeepDuplicatesAndSkipMarkersAndEntriesPeopleTypedIn() {
        wire.stubFor(put("/add").willReturn(aResponse().withStatus(201)));
        wire.stubFor(get("/transactions").willReturn(aResponse().withStatus(200).withBody("["
                + transactionJson("INV-1:post-invoice", 12500) + "," + transactionJson("INV-1:post-invoice", 12500)
                + "," + transactionJson("CHK-17", 500) + "," + markerJson() + "]")));

        List<LedgerTransaction> all = ledger.transactions();

        assertThat(all).extracting(LedgerTransaction::idempotencyKey)
                .containsExactly("INV-1:post-invoice", "INV-1:post-invoice");
    }

    private static String transactionJson(String tcode, long minor) {
        return HledgerTransactionFormat.transaction(new JournalEntry(tcode, "INV-1", LocalDate.of(2026, 1, 15),
                "Invoice INV-1 issued", new Money(minor, "USD"), JournalEntry.RECEIVABLE, JournalEntry.SALES))
                .toString();
    }

    private static String markerJson() {
        return HledgerTransactionFormat.marker(MARKER_CODE, LocalDate.of(2026, 1, 16), "hub-sync read marker", "hub-sync:")
                .toString();
    }
}
