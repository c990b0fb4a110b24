package io.financehub;

import io.financehub.support.HubClient;
import io.financehub.support.HubIntegrationBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The thin flow through every layer: HTTP → use case → key → Artemis → worker route → sandbox vendor → audit. */
class InvoiceWalkingSkeletonIT extends HubIntegrationBase {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void replayedInvoiceGivesOneSideEffectAndTwoAuditedRequests() {
        String id = "INV-WS-" + UUID.randomUUID().toString().substring(0, 8);
        String body = HubClient.invoiceJson(id, "USD", 12500, null);

        HttpResponse<String> first = hub().postInvoice(body);
        HttpResponse<String> second = hub().postInvoice(body);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(first.headers().firstValue("Location")).hasValue("/api/invoices/" + id);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(second.statusCode()).isEqualTo(202);
        assertThat(second.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(second.body()).contains("\"invoiceId\":\"" + id + "\"", "\"amountMinor\":12500");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT status FROM idempotency_keys WHERE idempotency_key = ?", String.class,
                id + ":create-payment-intent")).isEqualTo("succeeded"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_attempts WHERE invoice_id = ?", Integer.class, id))
                .isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT outcome FROM inbound_commands WHERE invoice_id = ? ORDER BY id",
                String.class, id)).containsExactly("accepted", "replayed");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "SELECT COUNT(*) FROM route_exchanges WHERE correlation_key = ? AND route_id = 'payments-worker'",
                Integer.class, id + ":create-payment-intent")).isEqualTo(1));
        HttpResponse<String> timeline = hub().getApi("/api/invoices/" + id);
        assertThat(timeline.statusCode()).isEqualTo(200);
        assertThat(timeline.body()).contains("\"status\":\"AWAITING_PAYMENT\"", id + ":create-payment-intent",
                id + ":post-invoice");
    }

    @Test
    void conflictingContentIsRefused() {
        String id = "INV-WS-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(hub().postInvoice(HubClient.invoiceJson(id, "USD", 100, null)).statusCode()).isEqualTo(202);

        HttpResponse<String> conflict = hub().postInvoice(HubClient.invoiceJson(id, "USD", 101, null));

        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.body()).contains("\"error\":\"idempotency_conflict\"");
        assertThat(conflict.headers().firstValue("Content-Type")).hasValue("application/json");
    }
}
