package io.financehub.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.support.HubClient;
import io.financehub.support.HledgerIntegrationBase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reconciliation against a journal someone edited by hand: a transaction deleted, a duplicate appended, an amount
 * changed. Each is found and reported exactly once; the repost action puts the deleted one back, through the
 * exactly-once path.
 */
class HledgerReconciliationIT extends HledgerIntegrationBase {

    private static final List<String> PROBLEM_LISTS = List.of("missing", "duplicated", "amountMismatch",
            "unknownOutcome", "unexpected");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void handEditsAreEachReportedOnceAndTheDeletedEntryIsReposted() {
        String run = "RC-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        String deleted = run + "DEL:post-invoice";
        String duplicated = run + "DUP:post-payment";
        String edited = run + "EDIT:post-invoice";
        for (String id : List.of(run + "DEL", run + "DUP", run + "EDIT", run + "OK")) {
            assertThat(hub().postInvoice(HubClient.invoiceJson(id, "USD", 12500, null)).statusCode()).isEqualTo(202);
        }
        paymentSucceeded("evt_" + run + "dup", run + "DUP");
        awaitSucceeded(deleted, run + "DUP:post-invoice", duplicated, edited, run + "OK:post-invoice");
        assertThat(problemsOf(report(), run)).isEmpty();

        String journal = hledger().readJournal();
        List<String> blocks = transactionBlocks(journal);
        List<String> editedJournal = new ArrayList<>();
        for (String block : blocks) {
            if (block.contains("(" + deleted + ")")) {
                continue;
            }
            editedJournal.add(block.contains("(" + edited + ")")
                    ? block.replace("-125.00 USD", "-130.00 USD").replace(" 125.00 USD", " 130.00 USD") : block);
        }
        editedJournal.add(blocks.stream().filter(b -> b.contains("(" + duplicated + ")")).findFirst().orElseThrow());
        hledger().rewriteJournal(String.join("\n\n", editedJournal) + "\n");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(ledgerTransactions(deleted)).isEmpty();
            assertThat(ledgerTransactions(duplicated)).hasSize(2);
            assertThat(ledgerTransactions(edited)).singleElement().satisfies(t -> assertThat(t.path("tpostings")
                    .path(0).path("pamount").path(0).path("aquantity").path("decimalMantissa").asLong())
                    .isEqualTo(13000));
        });

        JsonNode report = report();
        Map<String, List<String>> problems = problemsOf(report, run);
        assertThat(problems).containsOnlyKeys("missing", "duplicated", "amountMismatch");
        assertThat(problems.get("missing")).containsExactly(deleted);
        assertThat(problems.get("duplicated")).containsExactly(duplicated);
        assertThat(problems.get("amountMismatch")).containsExactly(edited);
        JsonNode duplicate = problem(report, "duplicated", duplicated);
        assertThat(duplicate.path("ledgerCount").asInt()).isEqualTo(2);
        assertThat(problem(report, "amountMismatch", edited).path("detail").asText())
                .isEqualTo("owed USD 125.00, ledger holds USD 130.00");
        assertThat(posting(report, run + "OK:post-invoice").path("state").asText()).isEqualTo("ok");
        assertThat(posting(report, deleted).path("state").asText()).isEqualTo("missing");
        assertThat(posting(report, deleted).path("recorded").path("status").asText()).isEqualTo("succeeded");
        assertThat(report.path("backend").asText()).isEqualTo("hledger");
        assertThat(report.path("totals").findValuesAsText("currency")).contains("USD");

        HttpResponse<String> csv = hub().getAdmin("/admin/reconciliation?format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body().lines().filter(l -> l.contains(deleted)))
                .singleElement().satisfies(l -> assertThat(l).startsWith(run + "DEL,").endsWith(",missing"));
        assertThat(csv.body().lines().filter(l -> l.contains(edited)))
                .singleElement().satisfies(l -> assertThat(l).contains(",125.00,").contains(",130.00,")
                        .endsWith(",amount_mismatch"));

        HttpResponse<String> repost = hub().postAdmin("/admin/reconciliation/" + deleted + "/repost");
        assertThat(repost.statusCode()).isEqualTo(202);
        assertThat(repost.body()).contains("\"status\":\"requeued\"");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(sideEffectStatus(deleted)).isEqualTo("succeeded");
            assertThat(ledgerTransactions(deleted)).hasSize(1);
        });
        Map<String, List<String>> after = problemsOf(report(), run);
        assertThat(after).doesNotContainKey("missing");
        assertThat(after.get("duplicated")).containsExactly(duplicated);
        assertThat(after.get("amountMismatch")).containsExactly(edited);
        assertThat(jdbc.queryForObject("SELECT retries FROM accounting_posts WHERE idempotency_key = ?",
                Integer.class, deleted)).isEqualTo(1);

        // a repost of something the ledger holds adds nothing, however often it is asked for
        HttpResponse<String> again = hub().postAdmin("/admin/reconciliation/" + deleted + "/repost");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"status\":\"already-posted\"");
        assertThat(hub().postAdmin("/admin/reconciliation/" + duplicated + "/repost").body())
                .contains("already-posted");
        assertThat(ledgerTransactions(deleted)).hasSize(1);
        assertThat(ledgerTransactions(duplicated)).hasSize(2);
    }

    @Test
    void repostRefusesWhatIsNotAnOwedPosting() {
        HttpResponse<String> sms = hub().postAdmin("/admin/reconciliation/RC-X:sms-invoice-issued/repost");
        assertThat(sms.statusCode()).isEqualTo(400);
        assertThat(sms.body()).contains("\"error\":\"validation_failed\"");
        HttpResponse<String> unknown = hub().postAdmin("/admin/reconciliation/RC-NOPE-"
                + UUID.randomUUID().toString().substring(0, 6) + ":post-invoice/repost");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"error\":\"not_found\"");
        assertThat(hub().getAdmin("/admin/reconciliation?format=xml").statusCode()).isEqualTo(400);
    }

    @Test
    void reconciliationIsForOperatorsOnly() {
        HttpResponse<String> anonymous = hub().get("/admin/reconciliation", Map.of());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).contains("\"error\":\"unauthorized\"");
        HttpResponse<String> bearer = hub().get("/admin/reconciliation",
                Map.of("Authorization", "Bearer " + API_TOKEN));
        assertThat(bearer.statusCode()).isEqualTo(401);
    }

    private JsonNode report() {
        HttpResponse<String> response = hub().getAdmin("/admin/reconciliation");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Problem list name → keys of this run in it (lists without any are left out). */
    private static Map<String, List<String>> problemsOf(JsonNode report, String run) {
        return PROBLEM_LISTS.stream()
                .collect(Collectors.toMap(list -> list, list -> keys(report.path(list), run)))
                .entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static List<String> keys(JsonNode problems, String run) {
        List<String> keys = new ArrayList<>();
        problems.forEach(p -> {
            if (p.path("idempotencyKey").asText().startsWith(run)) {
                keys.add(p.path("idempotencyKey").asText());
            }
        });
        return keys;
    }

    private static JsonNode problem(JsonNode report, String list, String key) {
        for (JsonNode p : report.path(list)) {
            if (p.path("idempotencyKey").asText().equals(key)) {
                return p;
            }
        }
        throw new AssertionError(key + " not in " + list);
    }

    private static JsonNode posting(JsonNode report, String key) {
        for (JsonNode invoice : report.path("invoices")) {
            for (JsonNode p : invoice.path("postings")) {
                if (p.path("idempotencyKey").asText().equals(key)) {
                    return p;
                }
            }
        }
        throw new AssertionError(key + " not in the report");
    }

    /** The journal's transactions as the blank-line separated blocks hledger-web writes. */
    private static List<String> transactionBlocks(String journal) {
        return Arrays.stream(journal.split("\\n\\s*\\n")).map(String::strip).filter(b -> !b.isEmpty())
                .toList();
    }
}
