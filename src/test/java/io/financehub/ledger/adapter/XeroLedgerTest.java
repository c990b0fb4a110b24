package io.financehub.ledger.adapter;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.financehub.ledger.application.AccountingLedger;
import io.financehub.ledger.application.AccountingLedger.LedgerTransaction;
import io.financehub.sideeffect.application.VendorOutcome;
import io.financehub.ledger.domain.JournalEntry;
import io.financehub.invoice.domain.Money;
import io.financehub.support.VendorRoutes;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link XeroLedger} against a Xero stand-in: the manual journal it sends and how it reads each answer. */
class XeroLedgerTest {

    static final String TOKEN = "xero-secret-access-token";
    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private static final JournalEntry PAYMENT = new JournalEntry("INV-7:post-payment", "INV-7",
            LocalDate.of(2026, 1, 15), "Payment received for invoice INV-7", new Money(12550, "USD"),
            JournalEntry.STRIPE, JournalEntry.RECEIVABLE);

    private final WireMockServer wire = new WireMockServer(wireMockConfig().dynamicPort());
    private final DefaultCamelContext camel = new DefaultCamelContext();
    private XeroLedger ledger;

    @BeforeEach
    void start() {
        wire.start();
        camel.start();
        AccountingProperties.Xero xero = new AccountingProperties.Xero(TOKEN, "tenant-42", "USD",
                new AccountingProperties.AccountCodes("1100", "4000", "1200"));
        VendorRoutes.add(camel, Map.of("hub.accounting.base-url", wire.baseUrl(), "hub.accounting.timeout", "2s",
                "hub.accounting.max-connections", "2", "hub.accounting.xero.token", TOKEN,
                "hub.accounting.xero.tenant-id", "tenant-42"), "xero-post-manual-journal", "xero-read-manual-journals");
        ledger = new XeroLedger(new LedgerHttpClient(camel.createProducerTemplate()), xero,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        camel.stop();
        wire.stop();
    }

    @Test
    void postsAManualJournalWithDebitPositiveCreditNegativeAndTheKeyAsIdempotencyKey() {
        wire.stubFor(post("/ManualJournals").willReturn(aResponse().withStatus(200)
                .withBody("{\"Status\":\"OK\",\"ManualJournals\":[{\"ManualJournalID\":\"mj-123\"}]}")));

        VendorOutcome outcome = ledger.post(PAYMENT);

        assertThat(outcome).isInstanceOf(VendorOutcome.Succeeded.class);
        assertThat(((VendorOutcome.Succeeded) outcome).reference()).isEqualTo("mj-123");
        wire.verify(1, postRequestedFor(urlEqualTo("/ManualJournals"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Xero-tenant-id", equalTo("tenant-42"))
                .withHeader("Idempotency-Key", equalTo("INV-7:post-payment"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"Narration": "Payment received for invoice INV-7 [INV-7:post-payment]",
                         "Date": "2026-01-15", "Status": "POSTED", "LineAmountTypes": "NoTax",
                         "JournalLines": [
                           {"LineAmount": 125.50, "AccountCode": "1200", "Description": "Payment received for invoice INV-7"},
                           {"LineAmount": -125.50, "AccountCode": "1100", "Description": "Payment received for invoice INV-7"}]}
                        """)));
    }

    @Test
    void theTokenNeverReachesTheAudit() {
        wire.stubFor(post("/ManualJournals").willReturn(aResponse().withStatus(400).withBody("{}")));

        VendorOutcome outcome = ledger.post(PAYMENT);

        assertThat(outcome.exchange().request()).contains("Idempotency-Key: INV-7:post-payment")
                .doesNotContain(TOKEN);
        assertThat(outcome.exchange().response()).doesNotContain(TOKEN);
        assertThat(new AccountingProperties(null, null, null, null, null,
                new AccountingProperties.Xero(TOKEN, "t", null, null)).toString()).doesNotContain(TOKEN);
    }

    @Test
    void rateLimitIsRetryableAfterRetryAfterSeconds() {
        wire.stubFor(post("/ManualJournals").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));

        VendorOutcome outcome = ledger.post(PAYMENT);

        assertThat(outcome).isInstanceOf(VendorOutcome.Retryable.class);
        assertThat(((VendorOutcome.Retryable) outcome).retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterAsAnHttpDateIsUnderstood() {
        assertThat(ledger.retryAfter("Thu, 15 Jan 2026 10:00:30 GMT")).isEqualTo(Duration.ofSeconds(30));
        assertThat(ledger.retryAfter("soon")).isNull();
        assertThat(ledger.retryAfter(null)).isNull();
    }

    @Test
    void serverErrorIsUnknown() {
        wire.stubFor(post("/ManualJournals").willReturn(aResponse().withStatus(503)));

        assertThat(ledger.post(PAYMENT)).isInstanceOf(VendorOutcome.Unknown.class);
    }

    @Test
    void validationErrorIsRejectedWithXerosMessage() {
        wire.stubFor(post("/ManualJournals").willReturn(aResponse().withStatus(400).withBody("""
                {"ErrorNumber": 10, "Type": "ValidationException", "Message": "A validation exception occurred",
                 "Elements": [{"ValidationErrors": [{"Message": "Account code '1200' is not a valid code"}]}]}
                """)));

        VendorOutcome outcome = ledger.post(PAYMENT);

        assertThat(outcome).isInstanceOf(VendorOutcome.Rejected.class);
        assertThat(((VendorOutcome.Rejected) outcome).message()).isEqualTo("Account code '1200' is not a valid code");
    }

    @Test
    void anEntryOutsideTheBaseCurrencyIsRefusedWithoutSendingIt() {
        JournalEntry yen = new JournalEntry("INV-8:post-invoice", "INV-8", LocalDate.of(2026, 1, 15),
                "Invoice INV-8 issued", new Money(12500, "JPY"), JournalEntry.RECEIVABLE, JournalEntry.SALES);

        VendorOutcome outcome = ledger.post(yen);

        assertThat(outcome).isInstanceOf(VendorOutcome.Rejected.class);
        assertThat(((VendorOutcome.Rejected) outcome).code()).isEqualTo("currency_not_supported");
        wire.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void findPostedSearchesTheNarrationAndSkipsVoidedJournals() {
        wire.stubFor(get(urlPathEqualTo("/ManualJournals")).willReturn(aResponse().withStatus(200).withBody("""
                {"ManualJournals": [
                  {"ManualJournalID": "mj-void", "Status": "VOIDED",
                   "Narration": "Payment received for invoice INV-7 [INV-7:post-payment]",
                   "JournalLines": [{"LineAmount": 125.50}, {"LineAmount": -125.50}]},
                  {"ManualJournalID": "mj-1", "Status": "POSTED",
                   "Narration": "Payment received for invoice INV-7 [INV-7:post-payment]",
                   "JournalLines": [{"LineAmount": 125.50}, {"LineAmount": -125.50}]}]}
                """)));

        LedgerTransaction found = ledger.findPosted("INV-7:post-payment").orElseThrow();

        assertThat(found.reference()).isEqualTo("mj-1");
        assertThat(found.amountMinor()).isEqualTo(12550);
        assertThat(found.currency()).isEqualTo("USD");
        wire.verify(getRequestedFor(urlPathEqualTo("/ManualJournals"))
                .withQueryParam("where", equalTo("Narration.Contains(\"[INV-7:post-payment]\")"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Xero-tenant-id", equalTo("tenant-42")));
    }

    @Test
    void aFailedSearchIsNeverTakenForAnAbsentJournal() {
        wire.stubFor(get(urlPathEqualTo("/ManualJournals")).willReturn(aResponse().withStatus(429)));

        assertThatThrownBy(() -> ledger.findPosted("INV-7:post-payment"))
                .isInstanceOf(AccountingLedger.LedgerUnavailableException.class);
    }

    @Test
    void transactionsReadEveryPage() {
        StringBuilder full = new StringBuilder("{\"ManualJournals\": [");
        for (int i = 0; i < 100; i++) {
            full.append(i == 0 ? "" : ",").append("{\"ManualJournalID\": \"mj-").append(i)
                    .append("\", \"Status\": \"POSTED\", \"Narration\": \"Invoice I-").append(i)
                    .append(" issued [I-").append(i).append(":post-invoice]\", \"JournalLines\": [{\"LineAmount\": 1.00}]}");
        }
        wire.stubFor(get(urlPathEqualTo("/ManualJournals")).withQueryParam("page", equalTo("1"))
                .willReturn(aResponse().withStatus(200).withBody(full.append("]}").toString())));
        wire.stubFor(get(urlPathEqualTo("/ManualJournals")).withQueryParam("page", equalTo("2"))
                .willReturn(aResponse().withStatus(200).withBody("""
                        {"ManualJournals": [{"ManualJournalID": "mj-x", "Status": "POSTED",
                          "Narration": "Opening balances", "JournalLines": []}]}""")));

        assertThat(ledger.transactions()).hasSize(100);
        wire.verify(2, getRequestedFor(urlPathEqualTo("/ManualJournals")));
    }
}
