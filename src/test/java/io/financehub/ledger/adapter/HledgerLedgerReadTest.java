package io.financehub.ledger.adapter;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.financehub.invoice.domain.Money;
import io.financehub.ledger.application.AccountingLedger;
import io.financehub.ledger.application.AccountingLedger.LedgerTransaction;
import io.financehub.ledger.domain.JournalEntry;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading the journal back: a read counts only once it shows a marker written after it, so it is never stale. */
class HledgerLedgerReadTest extends HledgerLedgerBase {

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
