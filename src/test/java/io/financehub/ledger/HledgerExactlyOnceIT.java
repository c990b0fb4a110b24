package io.financehub.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.invoice.domain.Money;
import io.financehub.support.HubClient;
import io.financehub.support.HledgerIntegrationBase;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end against a real hledger-web: every command replayed, every payment event delivered more than once,
 * refunds partial, repeated and out of order — and the ledger holds exactly one transaction per key, with the
 * amounts of every posting action, in balance.
 */
class HledgerExactlyOnceIT extends HledgerIntegrationBase {

    private static final String[] CURRENCIES = {"USD", "JPY", "USD", "KWD"};
    private static final int INVOICES = 100;
    private static final int REFUNDED = 12;

    @Test
    void hundredInvoicesReplayedAndPaidTwiceLandExactlyOncePerKey() {
        String run = "EO-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        Map<String, Money> amounts = new HashMap<>();
        long started = System.nanoTime();
        for (int i = 0; i < INVOICES; i++) {
            String id = run + i;
            Money amount = new Money(12500 + 37L * i, CURRENCIES[i % CURRENCIES.length]);
            amounts.put(id, amount);
            String body = HubClient.invoiceJson(id, amount.currency(), amount.amountMinor(), null);
            for (int replay = 0; replay < 3; replay++) {
                HttpResponse<String> answer = hub().postInvoice(body);
                assertThat(answer.statusCode()).isEqualTo(202);
                assertThat(answer.headers().firstValue("Idempotent-Replayed").isPresent()).isEqualTo(replay > 0);
            }
        }
        for (int i = 0; i < INVOICES; i++) {
            String id = run + i;
            paymentSucceeded("evt_" + run + i + "_paid", id);
            paymentSucceeded("evt_" + run + i + "_paid", id);
        }
        // refunds of 30.00 then 50.00 cumulative (3000 and 5000 minor units), delivered in order or reversed, each
        // repeated, plus a stale 40.00: the ledger's refund total must end at the largest amount_refunded, 5000
        Map<String, Set<String>> refundEvents = new HashMap<>();
        for (int i = 0; i < REFUNDED; i++) {
            String id = run + i;
            String first = "evt_" + run + i + "_r30";
            String second = "evt_" + run + i + "_r50";
            String stale = "evt_" + run + i + "_r40";
            if (i % 2 == 0) {
                chargeRefunded(first, id, 3000);
                chargeRefunded(second, id, 5000);
                chargeRefunded(first, id, 3000);
                chargeRefunded(stale, id, 4000);
                chargeRefunded(second, id, 5000);
                refundEvents.put(id, Set.of(first, second));
            } else {
                chargeRefunded(second, id, 5000);
                chargeRefunded(first, id, 3000);
                chargeRefunded(second, id, 5000);
                chargeRefunded(first, id, 3000);
                refundEvents.put(id, Set.of(second));
            }
        }

        awaitAccountingSettled(run);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("hledger e2e: %d invoices, %d postings settled in %.1f s%n", INVOICES,
                jdbc.queryForObject("SELECT COUNT(*) FROM accounting_posts WHERE invoice_id LIKE ?", Integer.class,
                        run + "%"), seconds);

        List<JsonNode> ledger = hledger().transactionsWithCodePrefix(run);
        Map<String, List<JsonNode>> byKey = ledger.stream()
                .collect(Collectors.groupingBy(t -> t.path("tcode").asText()));
        Set<String> expectedKeys = new HashSet<>();
        for (String id : amounts.keySet()) {
            expectedKeys.add(id + ":post-invoice");
            expectedKeys.add(id + ":post-payment");
            refundEvents.getOrDefault(id, Set.of()).forEach(evt -> expectedKeys.add(id + ":post-refund:" + evt));
        }
        assertThat(byKey.keySet()).containsExactlyInAnyOrderElementsOf(expectedKeys);
        byKey.forEach((key, transactions) -> assertThat(transactions).as(key).hasSize(1));
        assertThat(ledger).hasSize(2 * INVOICES + REFUNDED / 2 * 3);

        for (JsonNode t : ledger) {
            String key = t.path("tcode").asText();
            String id = key.substring(0, key.indexOf(':'));
            Money amount = amounts.get(id);
            JsonNode debit = t.path("tpostings").path(0);
            JsonNode credit = t.path("tpostings").path(1);
            assertThat(debit.path("pamount").path(0).path("acommodity").asText()).isEqualTo(amount.currency());
            if (key.endsWith(":post-invoice")) {
                assertPosting(debit, "assets:receivable", amount.toMajor());
                assertPosting(credit, "revenue:sales", amount.toMajor().negate());
            } else if (key.endsWith(":post-payment")) {
                assertPosting(debit, "assets:stripe", amount.toMajor());
                assertPosting(credit, "assets:receivable", amount.toMajor().negate());
            } else {
                assertThat(debit.path("paccount").asText()).isEqualTo("revenue:sales");
                assertThat(credit.path("paccount").asText()).isEqualTo("assets:stripe");
            }
        }
        for (int i = 0; i < REFUNDED; i++) {
            String id = run + i;
            BigDecimal refunded = ledger.stream().filter(t -> t.path("tcode").asText().startsWith(id + ":post-refund:"))
                    .map(t -> quantity(t.path("tpostings").path(0))).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(refunded).as(id + " refund total").isEqualByComparingTo(
                    new Money(5000, amounts.get(id).currency()).toMajor());
        }

        assertBalancesSumToZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM accounting_posts WHERE invoice_id LIKE ? "
                + "AND status <> 'succeeded'", Integer.class, run + "%")).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM accounting_posts WHERE invoice_id LIKE ?",
                Integer.class, run + "%")).isEqualTo(expectedKeys.size());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dead_letters WHERE idempotency_key LIKE ?",
                Integer.class, run + "%")).isZero();
        HttpResponse<String> reconciliation = hub().getAdmin("/admin/reconciliation");
        assertThat(reconciliation.statusCode()).isEqualTo(200);
        JsonNode report = readJson(reconciliation.body());
        for (String list : List.of("missing", "duplicated", "amountMismatch", "unknownOutcome", "unexpected")) {
            report.path(list).forEach(p -> assertThat(p.path("idempotencyKey").asText()).as(list)
                    .doesNotStartWith(run));
        }
    }

    private static JsonNode readJson(String body) {
        try {
            return new ObjectMapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Every commodity sums to zero over the whole journal, by hledger-web's JSON and by hledger's own report. */
    private void assertBalancesSumToZero() {
        Map<String, BigDecimal> sums = new HashMap<>();
        for (JsonNode t : hledger().transactions()) {
            for (JsonNode posting : t.path("tpostings")) {
                for (JsonNode amount : posting.path("pamount")) {
                    sums.merge(amount.path("acommodity").asText(), quantityOf(amount), BigDecimal::add);
                }
            }
        }
        assertThat(sums).isNotEmpty();
        sums.forEach((commodity, sum) -> assertThat(sum).as(commodity).isEqualByComparingTo(BigDecimal.ZERO));

        Map<String, BigDecimal> balances = new HashMap<>();
        String csv = hledger().hledger("balance", "-N", "-O", "csv");
        for (String line : csv.split("\n")) {
            List<String> cells = csvCells(line);
            if (cells.size() < 2 || cells.get(0).equals("account")) {
                continue;
            }
            for (String amount : cells.get(1).split(", ")) {
                String[] parts = amount.trim().split(" ");
                if (parts.length == 2) {
                    balances.merge(parts[1], new BigDecimal(parts[0]), BigDecimal::add);
                }
            }
        }
        assertThat(balances.keySet()).containsAll(List.of("USD", "JPY", "KWD"));
        balances.forEach((commodity, sum) -> assertThat(sum).as("hledger balance " + commodity)
                .isEqualByComparingTo(BigDecimal.ZERO));
    }

    private static void assertPosting(JsonNode posting, String account, BigDecimal quantity) {
        assertThat(posting.path("paccount").asText()).isEqualTo(account);
        JsonNode q = posting.path("pamount").path(0).path("aquantity");
        assertThat(q.path("decimalPlaces").asInt()).isEqualTo(quantity.scale());
        assertThat(q.path("decimalMantissa").asLong()).isEqualTo(quantity.unscaledValue().longValueExact());
    }

    private static BigDecimal quantity(JsonNode posting) {
        return quantityOf(posting.path("pamount").path(0));
    }

    private static BigDecimal quantityOf(JsonNode amount) {
        JsonNode q = amount.path("aquantity");
        return BigDecimal.valueOf(q.path("decimalMantissa").asLong(), q.path("decimalPlaces").asInt());
    }

    private static List<String> csvCells(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.trim().split("\",\"")) {
            cells.add(cell.replace("\"", ""));
        }
        return cells;
    }
}
