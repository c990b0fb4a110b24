package io.financehub.ledger.application;

import io.financehub.ledger.application.ReconciliationReport.Problem;
import io.financehub.sideeffect.domain.SideEffectStatus;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each posting the hub owes against the ledger: ok, missing, duplicated, mismatched, unknown outcome, in flight. */
class LedgerReconciliationServiceTest extends LedgerReconciliationBase {

    @Test
    void aPostedEntryIsOk() {
        invoice("A", "USD", 12500, false);
        succeeded("A:post-invoice", Map.of());
        inLedger("A:post-invoice", "USD", 12500);

        ReconciliationReport report = reconcile();

        assertThat(report.problemCount()).isZero();
        assertThat(posting(report, "A:post-invoice").state()).isEqualTo(ReconciliationReport.OK);
        assertThat(posting(report, "A:post-invoice").expectedAmount()).isEqualTo("125.00");
    }

    @Test
    void aRecordedEntryAbsentFromTheLedgerIsMissingOnce() {
        invoice("A", "JPY", 12500, true);
        succeeded("A:post-invoice", Map.of());
        succeeded("A:post-payment", Map.of());
        inLedger("A:post-invoice", "JPY", 12500);

        ReconciliationReport report = reconcile();

        assertThat(report.missing()).extracting(Problem::idempotencyKey).containsExactly("A:post-payment");
        assertThat(report.problemCount()).isEqualTo(1);
        assertThat(report.missing().get(0).detail()).contains("not in the ledger");
    }

    @Test
    void aPaymentOwedButNeverCreatedIsMissing() {
        invoice("A", "USD", 100, true);
        succeeded("A:post-invoice", Map.of());
        inLedger("A:post-invoice", "USD", 100);

        ReconciliationReport report = reconcile();

        assertThat(report.missing()).extracting(Problem::idempotencyKey).containsExactly("A:post-payment");
        assertThat(report.missing().get(0).detail()).contains("never created");
    }

    @Test
    void aDuplicateIsReportedOnceEvenWhenItsAmountsDifferToo() {
        invoice("A", "USD", 12500, false);
        succeeded("A:post-invoice", Map.of());
        inLedger("A:post-invoice", "USD", 12500);
        inLedger("A:post-invoice", "USD", 99);

        ReconciliationReport report = reconcile();

        assertThat(report.duplicated()).singleElement().satisfies(p -> {
            assertThat(p.idempotencyKey()).isEqualTo("A:post-invoice");
            assertThat(p.ledgerCount()).isEqualTo(2);
        });
        assertThat(report.problemCount()).isEqualTo(1);
    }

    @Test
    void aDifferentAmountOrCurrencyIsAMismatch() {
        invoice("A", "USD", 12500, false);
        invoice("B", "USD", 12500, false);
        succeeded("A:post-invoice", Map.of());
        succeeded("B:post-invoice", Map.of());
        inLedger("A:post-invoice", "USD", 13000);
        inLedger("B:post-invoice", "EUR", 12500);

        ReconciliationReport report = reconcile();

        assertThat(report.amountMismatch()).extracting(Problem::idempotencyKey)
                .containsExactly("A:post-invoice", "B:post-invoice");
        assertThat(report.amountMismatch().get(0).detail()).isEqualTo("owed USD 125.00, ledger holds USD 130.00");
        assertThat(report.problemCount()).isEqualTo(2);
    }

    @Test
    void failedAndAbandonedPostingsAreUnknownOutcomeNotMissing() {
        invoice("A", "USD", 100, false);
        invoice("B", "USD", 100, false);
        invoice("C", "USD", 100, false);
        effect("A:post-invoice", SideEffectStatus.FAILED, NOW.minusSeconds(600), Map.of());
        effect("B:post-invoice", SideEffectStatus.IN_PROGRESS, NOW.minusSeconds(31), Map.of());
        effect("C:post-invoice", SideEffectStatus.IN_PROGRESS, NOW.minusSeconds(5), Map.of());

        ReconciliationReport report = reconcile();

        assertThat(report.unknownOutcome()).extracting(Problem::idempotencyKey)
                .containsExactly("A:post-invoice", "B:post-invoice");
        assertThat(report.missing()).isEmpty();
        assertThat(posting(report, "C:post-invoice").state()).isEqualTo(ReconciliationReport.IN_FLIGHT);
    }
}
