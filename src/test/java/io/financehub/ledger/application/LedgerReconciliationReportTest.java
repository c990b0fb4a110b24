package io.financehub.ledger.application;

import io.financehub.ledger.application.AccountingReconciliationQuery.LedgerUnreadableException;
import io.financehub.ledger.application.ReconciliationReport.CurrencyTotal;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Beyond each owed posting: entries the hub does not owe, totals, unmatched events, an unreadable ledger. */
class LedgerReconciliationReportTest extends LedgerReconciliationBase {

    @Test
    void aLedgerEntryTheHubDoesNotOweIsUnexpected() {
        inLedger("Z:post-refund:evt_9", "USD", 500);

        ReconciliationReport report = reconcile();

        assertThat(report.unexpected()).singleElement().satisfies(p -> {
            assertThat(p.idempotencyKey()).isEqualTo("Z:post-refund:evt_9");
            assertThat(p.invoiceId()).isEqualTo("Z");
        });
    }

    @Test
    void refundsAreOwedAtTheirDeltaAndTotalledPerCurrencyAndAction() {
        invoice("A", "USD", 12500, true);
        invoice("B", "JPY", 9000, false);
        Stream.of("A:post-invoice", "A:post-payment").forEach(k -> succeeded(k, Map.of()));
        succeeded("A:post-refund:evt_1", Map.of(LedgerPostingHandler.AMOUNT_MINOR, "3000"));
        succeeded("A:post-refund:evt_2", Map.of(LedgerPostingHandler.AMOUNT_MINOR, "2000"));
        succeeded("B:post-invoice", Map.of());
        recordedPost("A:post-refund:evt_1", "USD", 3000);
        recordedPost("A:post-refund:evt_2", "USD", 2000);
        inLedger("A:post-invoice", "USD", 12500);
        inLedger("A:post-payment", "USD", 12500);
        inLedger("A:post-refund:evt_1", "USD", 3000);
        inLedger("A:post-refund:evt_2", "USD", 2000);
        inLedger("B:post-invoice", "JPY", 9000);

        ReconciliationReport report = reconcile();

        assertThat(report.problemCount()).isZero();
        assertThat(report.totals()).contains(
                new CurrencyTotal("USD", "post-refund", 5000, 5000, 5000, "50.00", "50.00", "50.00"),
                new CurrencyTotal("JPY", "post-invoice", 9000, 0, 9000, "9000", "0", "9000"));
    }

    @Test
    void paymentEventsForUnknownInvoicesAreListed() {
        unmatched.add(new ReconciliationReadModel.UnmatchedEvent("stripe", "evt_lost", "charge.refunded",
                NOW.minusSeconds(5)));

        ReconciliationReport report = reconcile();

        assertThat(report.unmatchedEvents()).singleElement().satisfies(e -> {
            assertThat(e.eventId()).isEqualTo("evt_lost");
            assertThat(e.type()).isEqualTo("charge.refunded");
        });
    }

    @Test
    void anUnreadableLedgerIsAnErrorNotAReportOfEverythingMissing() {
        invoice("A", "USD", 100, false);
        ledgerDown = true;

        assertThatThrownBy(this::reconcile).isInstanceOf(LedgerUnreadableException.class);
    }
}
