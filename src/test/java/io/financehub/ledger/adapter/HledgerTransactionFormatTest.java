package io.financehub.ledger.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.financehub.ledger.adapter.HledgerTransactionFormat.Posting;
import io.financehub.ledger.adapter.HledgerTransactionFormat.UnpostableTransactionException;
import io.financehub.ledger.application.AccountingLedger.LedgerTransaction;
import io.financehub.ledger.domain.JournalEntry;
import io.financehub.invoice.domain.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HledgerTransactionFormatTest {

    private static final LocalDate DAY = LocalDate.of(2026, 1, 15);

    @Test
    void usdHasTwoDecimals() {
        JsonNode amount = debitAmount(entry(new Money(12500, "USD")));

        assertThat(amount.path("acommodity").asText()).isEqualTo("USD");
        assertThat(amount.path("aquantity").path("decimalMantissa").asLong()).isEqualTo(12500);
        assertThat(amount.path("aquantity").path("decimalPlaces").asInt()).isEqualTo(2);
        assertThat(amount.path("aquantity").path("floatingPoint").asDouble()).isEqualTo(125.0);
        assertThat(amount.path("astyle").path("asprecision").asInt()).isEqualTo(2);
    }

    @Test
    void jpyHasNoDecimals() {
        JsonNode amount = debitAmount(entry(new Money(12500, "JPY")));

        assertThat(amount.path("acommodity").asText()).isEqualTo("JPY");
        assertThat(amount.path("aquantity").path("decimalMantissa").asLong()).isEqualTo(12500);
        assertThat(amount.path("aquantity").path("decimalPlaces").asInt()).isZero();
        assertThat(amount.path("aquantity").path("floatingPoint").asDouble()).isEqualTo(12500.0);
        assertThat(amount.path("astyle").path("asprecision").asInt()).isZero();
    }

    @Test
    void kwdHasThreeDecimals() {
        JsonNode amount = debitAmount(entry(new Money(12500, "KWD")));

        assertThat(amount.path("aquantity").path("decimalMantissa").asLong()).isEqualTo(12500);
        assertThat(amount.path("aquantity").path("decimalPlaces").asInt()).isEqualTo(3);
        assertThat(amount.path("aquantity").path("floatingPoint").asDouble()).isEqualTo(12.5);
    }

    @Test
    void entryBecomesTheFullShapeHledgerWebAccepts() {
        ObjectNode t = HledgerTransactionFormat.transaction(entry(new Money(12500, "USD")));

        assertThat(t.path("tcode").asText()).isEqualTo("INV-1:post-invoice");
        assertThat(t.path("tdate").asText()).isEqualTo("2026-01-15");
        assertThat(t.path("tdescription").asText()).isEqualTo("Invoice INV-1 issued");
        assertThat(t.has("tindex")).isTrue();
        assertThat(t.path("tsourcepos")).hasSize(2);
        assertThat(t.path("tpostings")).hasSize(2);
        assertThat(t.path("tpostings").path(0).path("paccount").asText()).isEqualTo("assets:receivable");
        assertThat(t.path("tpostings").path(1).path("paccount").asText()).isEqualTo("revenue:sales");
        assertThat(t.path("tpostings").path(1).path("pamount").path(0).path("aquantity").path("decimalMantissa")
                .asLong()).isEqualTo(-12500);
        for (String field : List.of("pdate", "pdate2", "pstatus", "pcomment", "ptype", "ptags", "pbalanceassertion",
                "ptransaction_", "poriginal")) {
            assertThat(t.path("tpostings").path(0).has(field)).as(field).isTrue();
        }
    }

    @Test
    void balancedPostingsPass() {
        HledgerTransactionFormat.requireBalanced(List.of(
                new Posting("a", "USD", new BigDecimal("125.00")),
                new Posting("b", "USD", new BigDecimal("-100.00")),
                new Posting("c", "USD", new BigDecimal("-25.0")),
                new Posting("d", "JPY", new BigDecimal("500")),
                new Posting("e", "JPY", new BigDecimal("-500"))));
    }

    @Test
    void unbalancedPostingsAreRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> HledgerTransactionFormat.transaction("INV-1:post-invoice", DAY, "Invoice INV-1 issued",
                List.of(new Posting("assets:receivable", "USD", new BigDecimal("125.00")),
                        new Posting("revenue:sales", "USD", new BigDecimal("-124.99")))))
                .isInstanceOf(UnpostableTransactionException.class)
                .hasMessageContaining("USD sum to 0.01");
    }

    @Test
    void postingsBalancedOnlyAcrossCommoditiesAreRefused() {
        assertThatThrownBy(() -> HledgerTransactionFormat.requireBalanced(List.of(
                new Posting("a", "USD", new BigDecimal("125")),
                new Posting("b", "JPY", new BigDecimal("-125")))))
                .isInstanceOf(UnpostableTransactionException.class);
    }

    @Test
    void aSinglePostingIsRefused() {
        assertThatThrownBy(() -> HledgerTransactionFormat.requireBalanced(List.of(
                new Posting("a", "USD", BigDecimal.ZERO))))
                .isInstanceOf(UnpostableTransactionException.class);
    }

    @Test
    void aCodeThatWouldNotReadBackIsRefused() {
        assertThatThrownBy(() -> HledgerTransactionFormat.transaction("INV-1:post-refund:evt) x", DAY, "Refund",
                HledgerTransactionFormat.postingsOf(entry(new Money(1, "USD")))))
                .isInstanceOf(UnpostableTransactionException.class);
        assertThatThrownBy(() -> HledgerTransactionFormat.transaction("INV-1:post-invoice", DAY, "two\nlines",
                HledgerTransactionFormat.postingsOf(entry(new Money(1, "USD")))))
                .isInstanceOf(UnpostableTransactionException.class);
    }

    @Test
    void readsBackWhatHledgerWebReturns() throws Exception {
        ObjectNode t = HledgerTransactionFormat.transaction(entry(new Money(12500, "KWD")));
        t.put("tindex", 7);

        LedgerTransaction read = HledgerTransactionFormat.read(new ObjectMapper().readTree(t.toString())).orElseThrow();

        assertThat(read.idempotencyKey()).isEqualTo("INV-1:post-invoice");
        assertThat(read.currency()).isEqualTo("KWD");
        assertThat(read.amountMinor()).isEqualTo(12500);
        assertThat(read.reference()).isEqualTo("2026-01-15 (INV-1:post-invoice)");
    }

    @Test
    void handEditedAmountsAreReadExactly() throws Exception {
        // "130 USD" typed by hand: mantissa 130, 0 places
        ObjectNode t = HledgerTransactionFormat.transaction(entry(new Money(12500, "USD")));
        ObjectNode q = (ObjectNode) t.path("tpostings").path(0).path("pamount").path(0).path("aquantity");
        q.put("decimalMantissa", 130);
        q.put("decimalPlaces", 0);

        assertThat(HledgerTransactionFormat.read(t).orElseThrow().amountMinor()).isEqualTo(13000);
    }

    @Test
    void transactionsPeopleTypedInAreNotTheHubs() {
        ObjectNode t = HledgerTransactionFormat.transaction(entry(new Money(100, "USD")));
        t.put("tcode", "CHK-1001");
        assertThat(HledgerTransactionFormat.read(t)).isEmpty();
        t.put("tcode", "");
        assertThat(HledgerTransactionFormat.read(t)).isEmpty();
        t.put("tcode", "INV-1:sms-invoice-issued");
        assertThat(HledgerTransactionFormat.read(t)).isEmpty();
    }

    private static JournalEntry entry(Money amount) {
        return new JournalEntry("INV-1:post-invoice", "INV-1", DAY, "Invoice INV-1 issued", amount,
                JournalEntry.RECEIVABLE, JournalEntry.SALES);
    }

    private static JsonNode debitAmount(JournalEntry entry) {
        return HledgerTransactionFormat.transaction(entry).path("tpostings").path(0).path("pamount").path(0);
    }
}
