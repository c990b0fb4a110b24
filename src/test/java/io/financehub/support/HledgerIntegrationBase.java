package io.financehub.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.financehub.payment.application.PaymentEventService;
import io.financehub.payment.domain.PaymentEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hub with {@code HUB_ACCOUNTING_KIND=hledger}, posting to a real hledger-web through {@link LedgerProxy}
 * (which passes everything through unless a test asks it to lose a response). Every class extending this one
 * shares one application context and one hledger-web journal, so tests use invoice ids of their own.
 */
public abstract class HledgerIntegrationBase extends HubIntegrationBase {

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    private PaymentEventService paymentEvents;

    @DynamicPropertySource
    static void hledgerProperties(DynamicPropertyRegistry registry) {
        HledgerWebProcess hledger = HledgerWebProcess.shared();
        LedgerProxy proxy = LedgerProxy.shared(hledger.url());
        registry.add("hub.accounting.kind", () -> "hledger");
        registry.add("hub.accounting.url", proxy::url);
        // an attempt (3 marker-and-read rounds + the post) may take 7 calls x 3 waits x 2 s, under the lease
        registry.add("hub.accounting.timeout", () -> "2s");
        registry.add("hub.side-effects.lease", () -> "60s");
        // a PUT the hub gave up on (2 s timeout) may still land for a while: a retry looks for it 10 s after it left
        registry.add("hub.accounting.lookup-delay", () -> "10s");
    }

    protected static HledgerWebProcess hledger() {
        return HledgerWebProcess.shared();
    }

    protected static LedgerProxy proxy() {
        return LedgerProxy.shared(hledger().url());
    }

    /**
     * Delivers a Stripe payment event to the hub. Today through the {@link PaymentEventService} the webhook
     * endpoint calls; the one place to switch to signed HTTP webhooks.
     */
    protected void deliverPaymentEvent(String eventId, PaymentEvent.Type type, String invoiceId, long amountRefunded) {
        paymentEvents.apply(new PaymentEvent(eventId, type, invoiceId, null, amountRefunded));
    }

    protected void paymentSucceeded(String eventId, String invoiceId) {
        deliverPaymentEvent(eventId, PaymentEvent.Type.PAYMENT_SUCCEEDED, invoiceId, 0);
    }

    protected void chargeRefunded(String eventId, String invoiceId, long amountRefunded) {
        deliverPaymentEvent(eventId, PaymentEvent.Type.CHARGE_REFUNDED, invoiceId, amountRefunded);
    }

    protected String sideEffectStatus(String key) {
        List<String> status = jdbc.queryForList("SELECT status FROM idempotency_keys WHERE idempotency_key = ?",
                String.class, key);
        return status.isEmpty() ? null : status.get(0);
    }

    protected void awaitSucceeded(String... keys) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String key : keys) {
                assertThat(sideEffectStatus(key)).as(key).isEqualTo("succeeded");
            }
        });
    }

    /** Waits until no accounting side effect of invoices with this id prefix is still open. */
    protected void awaitAccountingSettled(String invoicePrefix) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM idempotency_keys WHERE channel = 'accounting' "
                        + "AND invoice_id LIKE ? AND status NOT IN ('succeeded', 'failed')", Integer.class,
                        invoicePrefix + "%")).isZero());
    }

    /** The transactions with this tcode in the journal file. */
    protected List<JsonNode> ledgerTransactions(String tcode) {
        return hledger().transactions().stream().filter(t -> tcode.equals(t.path("tcode").asText())).toList();
    }
}
