package io.financehub.webhook;

import io.financehub.webhook.WebhookIntegrationBase;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.webhook.application.WebhookProcessingService;
import io.financehub.invoice.application.InvoiceRepository;
import io.financehub.payment.application.StripeEventReader;
import io.financehub.webhook.application.WebhookEventStore;
import io.financehub.webhook.application.WebhookEventStore.NewWebhookEvent;
import io.financehub.invoice.domain.Customer;
import io.financehub.invoice.domain.Invoice;
import io.financehub.invoice.domain.Money;
import io.financehub.invoice.domain.PaymentFacts;
import io.financehub.webhook.domain.WebhookEventStatus;
import io.financehub.webhook.domain.WebhookProvider;
import io.financehub.support.WebhookSigner;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Out-of-order safety, property style: every permutation of a set of Stripe events (including a duplicate,
 * processed twice as a redelivery would) ends in the same invoice status and the same refund total, on the real
 * database and through the real processing use case. Each permutation gets an invoice of its own.
 */
class PaymentEventOrderIT extends WebhookIntegrationBase {

    static final long AMOUNT = 10_000;
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    WebhookProcessingService processing;
    @Autowired
    WebhookEventStore store;
    @Autowired
    StripeEventReader reader;
    @Autowired
    InvoiceRepository invoices;

    /** A named event of the set; its payload depends on the invoice, its PaymentIntent and the run. */
    record Step(String name, Function<Run, String[]> event) {
    }

    /** One permutation's invoice. */
    record Run(String invoiceId, String paymentIntentId, String prefix) {
        String[] event(String suffix, String type, String object) {
            String id = "evt_" + prefix + "_" + suffix;
            return new String[]{id, new String(WebhookSigner.stripeEvent(id, type, object), StandardCharsets.UTF_8)};
        }
    }

    static final Step SUCCEEDED = new Step("succeeded", r -> r.event("succeeded", "payment_intent.succeeded",
            WebhookSigner.paymentIntent(r.paymentIntentId(), r.invoiceId(), AMOUNT)));
    static final Step FAILED = new Step("payment_failed", r -> r.event("failed", "payment_intent.payment_failed",
            WebhookSigner.paymentIntent(r.paymentIntentId(), r.invoiceId(), AMOUNT)));
    static final Step REFUNDED_30 = new Step("refunded 30%", r -> r.event("refund30", "charge.refunded",
            WebhookSigner.charge("ch_" + r.prefix(), r.paymentIntentId(), r.invoiceId(), AMOUNT, 3_000)));
    // no metadata: found through the PaymentIntent, as Stripe sends charges the hub did not label
    static final Step REFUNDED_100 = new Step("refunded 100%", r -> r.event("refund100", "charge.refunded",
            WebhookSigner.charge("ch_" + r.prefix(), r.paymentIntentId(), null, AMOUNT, AMOUNT)));
    static final Step REFUNDED_30_AGAIN = new Step("duplicate of refunded 30%", REFUNDED_30.event());
    static final Step FAILED_AGAIN = new Step("duplicate of payment_failed", FAILED.event());

    @Test
    void everyOrderOfPaymentRefundsFailureAndADuplicateEndsFullyRefunded() {
        List<List<Step>> orders = permutations(List.of(SUCCEEDED, REFUNDED_30, REFUNDED_100, FAILED, REFUNDED_30_AGAIN));
        assertThat(orders).hasSize(120);
        for (List<Step> order : orders) {
            Run run = apply(order);
            assertOutcome(run, order, "REFUNDED", AMOUNT);
        }
    }

    @Test
    void everyOrderOfFailureThenPaymentAndAPartialRefundEndsPartiallyRefunded() {
        List<List<Step>> orders = permutations(List.of(FAILED, SUCCEEDED, REFUNDED_30, FAILED_AGAIN));
        assertThat(orders).hasSize(24);
        for (List<Step> order : orders) {
            Run run = apply(order);
            assertOutcome(run, order, "PARTIALLY_REFUNDED", 3_000);
        }
    }

    private Run apply(List<Step> order) {
        String prefix = unique("perm");
        Run run = new Run("INV-" + prefix, "pi_" + prefix, prefix);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        invoices.insertIfAbsent(new Invoice(run.invoiceId(), new Customer("C-1", "Ada", null),
                new Money(AMOUNT, "USD"), "permutation", "hash-" + prefix, PaymentFacts.NONE, now));
        invoices.recordPaymentIntent(run.invoiceId(), run.paymentIntentId());
        for (Step step : order) {
            String[] event = step.event().apply(run);
            // a duplicate is not stored again, but is processed again, as a redelivered message would be
            store.insertIfAbsent(new NewWebhookEvent(WebhookProvider.STRIPE, reader.envelope(event[1]), "0".repeat(64),
                    event[1], now));
            assertThat(processing.process("stripe", event[0])).as(names(order)).isEqualTo(WebhookEventStatus.PROCESSED);
        }
        return run;
    }

    private void assertOutcome(Run run, List<Step> order, String status, long refunded) {
        assertThat(invoiceStatus(run.invoiceId())).as(names(order)).isEqualTo(status);
        assertThat(jdbc.queryForObject("SELECT refund_posted_minor FROM invoices WHERE invoice_id = ?", Long.class,
                run.invoiceId())).as(names(order)).isEqualTo(refunded);
        long postedRefunds = jdbc.queryForList("SELECT parameters FROM idempotency_keys WHERE invoice_id = ? "
                + "AND action = 'post-refund'", String.class, run.invoiceId()).stream()
                .mapToLong(json -> amountMinor(json)).sum();
        assertThat(postedRefunds).as(names(order)).isEqualTo(refunded);
        assertThat(count("SELECT COUNT(*) FROM idempotency_keys WHERE invoice_id = ? AND action = 'post-payment'",
                run.invoiceId())).as(names(order)).isEqualTo(1);
        // the domain events: paid once whatever the order, and the refunds' rises add up to the refunded total
        assertThat(count("SELECT COUNT(*) FROM domain_events WHERE invoice_id = ? AND event_type = 'payment.succeeded'",
                run.invoiceId())).as(names(order)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM domain_events WHERE invoice_id = ? AND event_type = 'payment.failed'",
                run.invoiceId())).as(names(order)).isLessThanOrEqualTo(1);
        long publishedRefunds = jdbc.queryForList("SELECT payload FROM domain_events WHERE invoice_id = ? "
                + "AND event_type = 'payment.refunded'", String.class, run.invoiceId()).stream()
                .mapToLong(json -> dataLong(json, "refundAmountMinor")).sum();
        assertThat(publishedRefunds).as(names(order)).isEqualTo(refunded);
    }

    private static long dataLong(String event, String field) {
        try {
            return JSON.readTree(event).get("data").get(field).asLong();
        } catch (Exception e) {
            throw new AssertionError("unreadable event " + event, e);
        }
    }

    private static long amountMinor(String parameters) {
        try {
            return Long.parseLong(JSON.readTree(parameters).get("amountMinor").asText());
        } catch (Exception e) {
            throw new AssertionError("unreadable side-effect parameters " + parameters, e);
        }
    }

    private static String names(List<Step> order) {
        return order.stream().map(Step::name).toList().toString();
    }

    private static List<List<Step>> permutations(List<Step> steps) {
        if (steps.isEmpty()) {
            return List.of(List.of());
        }
        List<List<Step>> result = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            List<Step> rest = new ArrayList<>(steps);
            Step first = rest.remove(i);
            for (List<Step> tail : permutations(rest)) {
                List<Step> order = new ArrayList<>();
                order.add(first);
                order.addAll(tail);
                result.add(order);
            }
        }
        return result;
    }
}
