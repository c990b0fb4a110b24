package io.financehub.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.financehub.support.HubClient;
import io.financehub.support.HubIntegrationBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
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
import static org.awaitility.Awaitility.await;

/**
 * Contract of the Xero adapter, through the whole hub (queue, claim, executor, audit, dead letters) against a
 * WireMock Xero: the exact manual journal and headers, a 429 honoured with its Retry-After, a 5xx retried under
 * the same Idempotency-Key, and a validation error that ends failed and visible in the dead letters.
 */
class XeroLedgerContractIT extends HubIntegrationBase {

    static final String TOKEN = "xero-it-access-token";
    static final String TENANT = "tenant-it-7";
    private static WireMockServer xero;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void xeroProperties(DynamicPropertyRegistry registry) {
        xero = new WireMockServer(wireMockConfig().dynamicPort());
        xero.start();
        registry.add("hub.accounting.kind", () -> "xero");
        registry.add("hub.accounting.url", xero::baseUrl);
        registry.add("hub.accounting.timeout", () -> "2s");
        registry.add("hub.accounting.xero.token", () -> TOKEN);
        registry.add("hub.accounting.xero.tenant-id", () -> TENANT);
        registry.add("hub.accounting.xero.base-currency", () -> "USD");
        registry.add("hub.accounting.xero.account-codes.receivable", () -> "1100");
        registry.add("hub.accounting.xero.account-codes.sales", () -> "4000");
        registry.add("hub.side-effects.lease", () -> "30s");
    }

    @AfterAll
    static void stopXero() {
        xero.stop();
    }

    @Test
    void sendsTheExactManualJournalAndHeaders() {
        String id = newId();
        String key = id + ":post-invoice";
        xero.stubFor(post("/ManualJournals").withHeader("Idempotency-Key", equalTo(key))
                .willReturn(created("mj-" + id)));

        issue(id, 12550);

        awaitStatus(key, "succeeded");
        xero.verify(1, postRequestedFor(urlEqualTo("/ManualJournals"))
                .withHeader("Idempotency-Key", equalTo(key))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Xero-tenant-id", equalTo(TENANT))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"Narration\": \"Invoice " + id + " issued [" + key + "]\","
                        + "\"Date\": \"" + LocalDate.now(ZoneOffset.UTC) + "\", \"Status\": \"POSTED\","
                        + "\"LineAmountTypes\": \"NoTax\", \"JournalLines\": ["
                        + "{\"LineAmount\": 125.50, \"AccountCode\": \"1100\", \"Description\": \"Invoice " + id
                        + " issued\"},"
                        + "{\"LineAmount\": -125.50, \"AccountCode\": \"4000\", \"Description\": \"Invoice " + id
                        + " issued\"}]}")));
        Map<String, Object> post = jdbc.queryForMap("SELECT backend, journal_ref, request, response, status "
                + "FROM accounting_posts WHERE idempotency_key = ?", key);
        assertThat(post.get("backend")).isEqualTo("xero");
        assertThat(post.get("journal_ref")).isEqualTo("mj-" + id);
        assertThat((String) post.get("request")).contains("Idempotency-Key: " + key).doesNotContain(TOKEN);
        assertThat((String) post.get("response")).startsWith("200 ");
    }

    @Test
    void aRateLimitIsRetriedAfterRetryAfterUnderTheSameKey() {
        String id = newId();
        String key = id + ":post-invoice";
        String scenario = "rate-" + id;
        xero.stubFor(post("/ManualJournals").withHeader("Idempotency-Key", equalTo(key)).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("limited")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")));
        xero.stubFor(post("/ManualJournals").withHeader("Idempotency-Key", equalTo(key)).inScenario(scenario)
                .whenScenarioStateIs("limited").willReturn(created("mj-" + id)));
        stubLookupFindsNothing(id);

        issue(id, 100);

        awaitStatus(key, "succeeded");
        List<LoggedRequest> posts = posts(key);
        assertThat(posts).hasSize(2);
        long gapMillis = posts.get(1).getLoggedDate().getTime() - posts.get(0).getLoggedDate().getTime();
        // the back-off alone would have retried after 200 ms
        assertThat(gapMillis).isGreaterThanOrEqualTo(2000);
        assertThat(jdbc.queryForObject("SELECT journal_ref FROM accounting_posts WHERE idempotency_key = ?",
                String.class, key)).isEqualTo("mj-" + id);
    }

    @Test
    void aServerErrorIsRetriedUnderTheSameKeyAfterALookup() {
        String id = newId();
        String key = id + ":post-invoice";
        String scenario = "fail-" + id;
        xero.stubFor(post("/ManualJournals").withHeader("Idempotency-Key", equalTo(key)).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
                .willReturn(aResponse().withStatus(500).withBody("{\"Message\":\"oops\"}")));
        xero.stubFor(post("/ManualJournals").withHeader("Idempotency-Key", equalTo(key)).inScenario(scenario)
                .whenScenarioStateIs("recovered").willReturn(created("mj-" + id)));
        stubLookupFindsNothing(id);

        issue(id, 100);

        awaitStatus(key, "succeeded");
        List<LoggedRequest> posts = posts(key);
        assertThat(posts).hasSize(2);
        assertThat(posts).allSatisfy(r -> assertThat(r.getHeader("Idempotency-Key")).isEqualTo(key));
        assertThat(posts.get(1).getBodyAsString()).isEqualTo(posts.get(0).getBodyAsString());
        List<LoggedRequest> lookups = xero.findAll(getRequestedFor(urlPathEqualTo("/ManualJournals"))
                .withQueryParam("where", containing(key)));
        assertThat(lookups).hasSize(1);
        assertThat(lookups.get(0).getLoggedDate()).isAfter(posts.get(0).getLoggedDate())
                .isBefore(posts.get(1).getLoggedDate());
        assertThat(jdbc.queryForObject("SELECT retries FROM accounting_posts WHERE idempotency_key = ?",
                Integer.class, key)).isEqualTo(1);
    }

    @Test
    void aValidationErrorEndsFailedAndInTheDeadLetters() throws Exception {
        String id = newId();
        String key = id + ":post-invoice";
        xero.stubFor(post("/ManualJournals").withHeader("Idempotency-Key", equalTo(key))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(
                        "{\"ErrorNumber\": 10, \"Type\": \"ValidationException\", \"Message\": \"A validation "
                                + "exception occurred\", \"Elements\": [{\"ValidationErrors\": [{\"Message\": "
                                + "\"Account code '1100' has been archived\"}]}]}")));

        issue(id, 100);

        awaitStatus(key, "failed");
        assertThat(posts(key)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT status FROM accounting_posts WHERE idempotency_key = ?", String.class,
                key)).isEqualTo("failed");
        HttpResponse<String> deadLetters = hub().getAdmin("/admin/dead-letters?limit=1000");
        assertThat(deadLetters.statusCode()).isEqualTo(200);
        JsonNode letter = null;
        for (JsonNode item : new ObjectMapper().readTree(deadLetters.body()).path("items")) {
            if (key.equals(item.path("idempotencyKey").asText())) {
                letter = item;
            }
        }
        assertThat(letter).as("dead letter for " + key).isNotNull();
        assertThat(letter.path("queue").asText()).isEqualTo("hub.side-effects.accounting");
        assertThat(letter.path("reason").asText()).contains("xero_400", "Account code '1100' has been archived");
        assertThat(letter.path("attempts").asInt()).isEqualTo(1);
        assertThat(letter.toString()).doesNotContain(TOKEN);
    }

    private static String newId() {
        return "XR-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void issue(String id, long amountMinor) {
        assertThat(hub().postInvoice(HubClient.invoiceJson(id, "USD", amountMinor, null)).statusCode())
                .isEqualTo(202);
    }

    private void awaitStatus(String key, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT status FROM idempotency_keys WHERE idempotency_key = ?", String.class, key))
                .containsExactly(status));
    }

    private static List<LoggedRequest> posts(String key) {
        return xero.findAll(postRequestedFor(urlEqualTo("/ManualJournals")).withHeader("Idempotency-Key",
                equalTo(key)));
    }

    private static void stubLookupFindsNothing(String id) {
        xero.stubFor(get(urlPathEqualTo("/ManualJournals")).withQueryParam("where", containing(id))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"ManualJournals\": []}")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created(String journalId) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"Id\": \"" + UUID.randomUUID() + "\", \"Status\": \"OK\", \"ManualJournals\": "
                        + "[{\"ManualJournalID\": \"" + journalId + "\", \"Status\": \"POSTED\"}]}");
    }
}
