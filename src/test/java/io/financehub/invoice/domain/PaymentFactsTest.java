package io.financehub.invoice.domain;

import io.financehub.invoice.domain.InvoiceStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentFactsTest {

    private static final PaymentFacts INTENT = new PaymentFacts(true, false, false, 0);
    private static final PaymentFacts SUCCEEDED = new PaymentFacts(true, true, false, 0);
    private static final PaymentFacts FAILED = new PaymentFacts(true, false, true, 0);
    private static final PaymentFacts REFUND_30 = new PaymentFacts(true, true, false, 3000);
    private static final PaymentFacts REFUND_ALL = new PaymentFacts(true, true, false, 10000);

    @Test
    void statusFollowsTheStrongestFact() {
        assertThat(PaymentFacts.NONE.statusFor(10000)).isEqualTo(InvoiceStatus.ACCEPTED);
        assertThat(INTENT.statusFor(10000)).isEqualTo(InvoiceStatus.AWAITING_PAYMENT);
        assertThat(FAILED.statusFor(10000)).isEqualTo(InvoiceStatus.PAYMENT_FAILED);
        assertThat(FAILED.merge(SUCCEEDED).statusFor(10000)).isEqualTo(InvoiceStatus.PAID);
        assertThat(REFUND_30.statusFor(10000)).isEqualTo(InvoiceStatus.PARTIALLY_REFUNDED);
        assertThat(REFUND_ALL.statusFor(10000)).isEqualTo(InvoiceStatus.REFUNDED);
    }

    @Test
    void everyOrderOfTheSameFactsGivesTheSameResult() {
        List<PaymentFacts> facts = List.of(INTENT, SUCCEEDED, FAILED, REFUND_30, REFUND_ALL, REFUND_30);
        List<PaymentFacts> results = new ArrayList<>();
        permute(new ArrayList<>(facts), 0, results);

        assertThat(results).hasSize(720);
        assertThat(results).allMatch(r -> r.equals(new PaymentFacts(true, true, true, 10000)));
    }

    private static void permute(List<PaymentFacts> facts, int k, List<PaymentFacts> results) {
        if (k == facts.size()) {
            PaymentFacts merged = PaymentFacts.NONE;
            for (PaymentFacts f : facts) {
                merged = merged.merge(f);
            }
            results.add(merged);
            return;
        }
        for (int i = k; i < facts.size(); i++) {
            java.util.Collections.swap(facts, k, i);
            permute(facts, k + 1, results);
            java.util.Collections.swap(facts, k, i);
        }
    }
}
