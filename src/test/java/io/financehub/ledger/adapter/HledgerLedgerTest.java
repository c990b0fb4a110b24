package io.financehub.ledger.adapter;

import com.github.tomakehurst.wiremock.http.Fault;
import io.financehub.ledger.application.AccountingLedger;
import io.financehub.sideeffect.application.VendorOutcome;
import io.financehub.support.VendorRoutes;
import io.financehub.support.HubIntegrationBase;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link HledgerLedger} against a stand-in for hledger-web: the entry it posts and how it reads each answer. */
class HledgerLedgerTest extends HledgerLedgerBase {

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
            VendorRoutes.add(other, Map.of("hub.accounting.base-url", "http://127.0.0.1:" + HubIntegrationBase.freePort(),
                    "hub.accounting.timeout", "1s"), "hledger-read-transactions", "hledger-add-transaction");
            HledgerLedger down = new HledgerLedger(new LedgerHttpClient(other.createProducerTemplate()),
                    Duration.ofSeconds(1), Duration.ofSeconds(10), CLOCK);
            assertThat(down.post(ENTRY)).isInstanceOf(VendorOutcome.Unknown.class);
            assertThatThrownBy(() -> down.findPosted("INV-1:post-invoice"))
                    .isInstanceOf(AccountingLedger.LedgerUnavailableException.class);
        } finally {
            other.stop();
        }
    }
}
