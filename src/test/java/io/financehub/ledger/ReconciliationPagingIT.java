package io.financehub.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.support.HubClient;
import io.financehub.support.HubIntegrationBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /admin/reconciliation} over real HTTP on the sandbox ledger: a period by the invoices' creation time,
 * pages walked with their {@code next} cursors, the period's CSV streamed, and bad parameters answered 400. Its own
 * application context (the scheduled run is slowed down), so the ledger entry of an invoice nobody knows, which
 * every period reports, stays out of other tests' reports.
 */
@TestPropertySource(properties = "hub.metrics.reconciliation-period=1h")
class ReconciliationPagingIT extends HubIntegrationBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Each test in a year of its own: the context, and so the database, is shared by the tests. */
    private static final AtomicInteger YEARS = new AtomicInteger(2001);

    @Autowired
    JdbcTemplate jdbc;

    private String run;
    private List<String> march;
    private int year;
    /** March of the test's year, dates inclusive. */
    private String marchQuery;

    /** Five invoices created on 1–5 March (posted), one on 1 April; C's entry lost, a ghost's entry added. */
    private void marchInvoices() {
        year = YEARS.getAndIncrement();
        marchQuery = "from=" + year + "-03-01&to=" + year + "-03-31";
        run = "RP-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        march = new ArrayList<>();
        for (String letter : List.of("A", "B", "C", "D", "E", "APRIL")) {
            String id = run + letter;
            assertThat(hub().postInvoice(HubClient.invoiceJson(id, "USD", 12500, null)).statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(30)).until(() -> "succeeded".equals(jdbc.queryForList(
                    "SELECT status FROM idempotency_keys WHERE idempotency_key = ?", String.class,
                    id + ":post-invoice").stream().findFirst().orElse(null)));
            Instant created = letter.equals("APRIL") ? Instant.parse(year + "-04-01T10:00:00Z")
                    : Instant.parse(year + "-03-0" + (march.size() + 1) + "T10:00:00Z");
            jdbc.update("UPDATE invoices SET created_at = ? WHERE invoice_id = ?", created.atOffset(ZoneOffset.UTC),
                    id);
            if (!letter.equals("APRIL")) {
                march.add(id);
            }
        }
        assertThat(jdbc.update("DELETE FROM sandbox_ledger_transactions WHERE idempotency_key = ?",
                run + "C:post-invoice")).isEqualTo(1);
        jdbc.update("INSERT INTO sandbox_ledger_transactions (idempotency_key, currency, amount_minor, debit_account, "
                        + "credit_account, description, posted_at) VALUES (?, 'USD', 700, 'assets:receivable', "
                        + "'revenue:sales', 'by hand', ?)", run + "GHOST:post-invoice",
                Instant.now().atOffset(ZoneOffset.UTC));
    }

    @Test
    void aPeriodWalkedInPagesHoldsItsInvoicesInOrderAndEachDifferenceOnce() {
        marchInvoices();
        List<JsonNode> pages = new ArrayList<>();
        JsonNode page = json(hub().getAdmin("/admin/reconciliation?" + marchQuery + "&limit=2"));
        pages.add(page);
        while (!page.path("next").isNull()) {
            page = json(hub().getAdmin("/admin/reconciliation?" + marchQuery + "&limit=2&after="
                    + URLEncoder.encode(page.path("next").asText(), StandardCharsets.UTF_8)));
            pages.add(page);
        }

        assertThat(pages).hasSize(3);
        assertThat(pages.get(0).path("from").asText()).isEqualTo(year + "-03-01T00:00:00Z");
        assertThat(pages.get(0).path("to").asText()).isEqualTo(year + "-04-01T00:00:00Z");
        List<String> invoices = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        for (JsonNode p : pages) {
            p.path("invoices").forEach(i -> invoices.add(i.path("invoiceId").asText()));
            p.path("missing").forEach(m -> missing.add(m.path("idempotencyKey").asText()));
            p.path("unexpected").forEach(u -> unexpected.add(u.path("idempotencyKey").asText()));
            // another test's ghost is in every period too; this test's entries carry its run
            unexpected.removeIf(key -> !key.startsWith(run));
            assertThat(p.path("invoices").size()).isLessThanOrEqualTo(2);
        }
        assertThat(invoices).containsExactlyElementsOf(march);
        assertThat(missing).containsExactly(run + "C:post-invoice");
        assertThat(unexpected).containsExactly(run + "GHOST:post-invoice");
        assertThat(pages.get(1).path("unexpected")).isEmpty();
        assertThat(pages.get(2).path("unexpected")).isEmpty();
        assertThat(pages.get(2).path("next").isNull()).isTrue();

        JsonNode third = json(hub().getAdmin("/admin/reconciliation?from=" + year + "-03-03T00:00:00Z"
                + "&to=" + year + "-03-04T00:00:00%2B00:00"));
        assertThat(third.path("invoices")).singleElement()
                .satisfies(i -> assertThat(i.path("invoiceId").asText()).isEqualTo(run + "C"));
        assertThat(third.path("missing")).singleElement()
                .satisfies(m -> assertThat(m.path("idempotencyKey").asText()).isEqualTo(run + "C:post-invoice"));
        assertThat(third.path("next").isNull()).isTrue();

        JsonNode april = json(hub().getAdmin("/admin/reconciliation?from=" + year + "-04-01&to=" + year + "-04-01"));
        assertThat(april.path("invoices")).singleElement()
                .satisfies(i -> assertThat(i.path("invoiceId").asText()).isEqualTo(run + "APRIL"));
        assertThat(april.path("missing")).isEmpty();
        // the ghost belongs to no period: every period lists it
        assertThat(april.path("unexpected")).extracting(u -> u.path("idempotencyKey").asText())
                .contains(run + "GHOST:post-invoice");
    }

    @Test
    void thePeriodsCsvIsStreamedWithEveryPostingThenTheUnexpectedEntries() {
        marchInvoices();
        HttpResponse<String> csv = hub().getAdmin("/admin/reconciliation?format=csv&" + marchQuery);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("reconciliation.csv");
        List<String> all = csv.body().lines().toList();
        assertThat(all.get(0)).startsWith("invoice_id,idempotency_key,");
        // another test's ghost is in every period too; this test's rows carry its run
        List<String> lines = new ArrayList<>(List.of(all.get(0)));
        all.stream().skip(1).filter(l -> l.startsWith(run)).forEach(lines::add);
        assertThat(all.stream().skip(1).filter(l -> !l.startsWith(run))).allSatisfy(l -> assertThat(l)
                .contains("-GHOST:post-invoice").endsWith(",unexpected"));
        assertThat(lines.subList(1, lines.size())).extracting(l -> l.substring(0, l.indexOf(',')))
                .containsExactly(march.get(0), march.get(1), march.get(2), march.get(3), march.get(4), run + "GHOST");
        assertThat(lines.get(3)).endsWith(",missing");
        assertThat(lines.get(1)).endsWith(",ok");
        assertThat(lines.get(6)).contains(",7.00,").endsWith(",unexpected");
    }

    @Test
    void badParametersAreRefusedInTheHubsErrorFormat() {
        for (String query : List.of("from=yesterday", "to=2020-13-01", "from=2020-03-05&to=2020-03-01",
                "from=2020-03-02T00:00:00Z&to=2020-03-01T23:59:59Z", "limit=0", "limit=1001", "limit=ten",
                "after=not-a-cursor", "format=csv&limit=10", "format=csv&after=abc", "format=xml")) {
            HttpResponse<String> response = hub().getAdmin("/admin/reconciliation?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(query)
                    .startsWith("application/json");
            JsonNode error = json(response);
            assertThat(error.path("error").asText()).as(query).isEqualTo("validation_failed");
            assertThat(error.path("message").asText()).as(query).isNotBlank();
        }
        assertThat(json(hub().getAdmin("/admin/reconciliation?limit=1000")).has("next")).isTrue();
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
