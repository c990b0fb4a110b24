package io.financehub.sideeffect;

import io.financehub.sideeffect.adapter.JdbcDeadLetterStore;
import io.financehub.invoice.adapter.JdbcInvoiceRepository;
import io.financehub.sideeffect.adapter.JdbcSideEffectRepository;
import io.financehub.webhook.adapter.JdbcWebhookEventStore;
import io.financehub.platform.persistence.SpringTransactionRunner;
import io.financehub.sideeffect.application.SideEffectQueue;
import io.financehub.sideeffect.application.VendorExchange;
import io.financehub.sideeffect.application.VendorOutcome;
import io.financehub.webhook.application.WebhookEnvelope;
import io.financehub.webhook.application.WebhookEventStore.NewWebhookEvent;
import io.financehub.sideeffect.application.SideEffectExecutor;
import io.financehub.sideeffect.application.SideEffectHandler;
import io.financehub.sideeffect.application.SideEffectPolicy;
import io.financehub.sideeffect.application.OutboxRelay;
import io.financehub.webhook.application.WebhookRelay;
import io.financehub.invoice.domain.Customer;
import io.financehub.sideeffect.domain.IdempotencyKey;
import io.financehub.invoice.domain.Invoice;
import io.financehub.invoice.domain.Money;
import io.financehub.invoice.domain.PaymentFacts;
import io.financehub.sideeffect.domain.SideEffect;
import io.financehub.sideeffect.domain.SideEffectAction;
import io.financehub.sideeffect.domain.SideEffectChannel;
import io.financehub.sideeffect.domain.SideEffectStatus;
import io.financehub.webhook.domain.WebhookProvider;
import io.financehub.support.MigratedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replicas share one database but not one clock. Leases and relay ages are measured by the database's clock, so
 * a replica whose own clock runs ahead neither takes over a live claim nor re-sends what was just handed on, and
 * one whose clock lags still takes over a claim whose lease ran out. On H2 and PostgreSQL.
 */
class ClaimLeaseClockSkewIT {

    static final Duration LEASE = Duration.ofMinutes(2);
    static final Duration SKEW = Duration.ofMinutes(10);
    static final SideEffectPolicy POLICY = new SideEffectPolicy(LEASE, Duration.ofSeconds(30), 3,
            Duration.ofSeconds(1), Duration.ofSeconds(10));

    static MigratedDatabase db;
    static JdbcSideEffectRepository sideEffects;
    static JdbcInvoiceRepository invoices;

    final List<String> calls = new ArrayList<>();
    final List<String> enqueued = new ArrayList<>();

    @BeforeAll
    static void migrate() {
        db = new MigratedDatabase();
        sideEffects = new JdbcSideEffectRepository(db.jdbc());
        invoices = new JdbcInvoiceRepository(db.jdbc());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void aReplicaWhoseClockRunsAheadDoesNotTakeOverAFreshClaim() {
        String key = newSideEffect();
        SideEffectExecutor replicaB = executor(Clock.offset(Clock.systemUTC(), SKEW), () -> "unused");
        AtomicReference<String> seenByB = new AtomicReference<>();
        SideEffectExecutor replicaA = executor(Clock.systemUTC(), () -> {
            // while A waits for the vendor, B gets a copy of the message
            seenByB.set(replicaB.execute(key));
            return "pi_a";
        });

        String byA = replicaA.execute(key);

        assertThat(seenByB.get()).as("replica B, clock %s ahead, on A's fresh claim", SKEW).isEqualTo("not-claimed");
        assertThat(byA).isEqualTo("succeeded");
        assertThat(calls).containsExactly("perform");
        assertThat(sideEffects.find(key).orElseThrow()).satisfies(e -> {
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.resultRef()).isEqualTo("pi_a");
        });
    }

    @Test
    void aClaimOlderThanTheLeaseByDatabaseTimeIsTakenOverByAReplicaWhoseClockLags() {
        String key = newSideEffect();
        // what a worker that died three minutes ago (by the database's clock) left behind
        db.jdbc().update("UPDATE idempotency_keys SET status = 'in_progress', attempts = 1, "
                + "claimed_at = CURRENT_TIMESTAMP - INTERVAL '3' MINUTE WHERE idempotency_key = ?", key);
        SideEffectExecutor lagging = executor(Clock.offset(Clock.systemUTC(), SKEW.negated()), () -> "pi_found");

        assertThat(lagging.execute(key)).as("replica %s behind, on a claim past its lease", SKEW)
                .isEqualTo("succeeded");

        assertThat(calls).containsExactly("resume");
        assertThat(sideEffects.find(key).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void theOutboxRelayOfAnotherReplicaLeavesAFreshClaimAlone() {
        String key = newSideEffect();
        SideEffectExecutor replicaA = executor(Clock.systemUTC(), () -> {
            enqueued.clear();
            // replica B's relay: it ages claims by the database's clock, so B's own (running ahead) has no say
            new OutboxRelay(sideEffects, queue(), POLICY).redispatchStale();
            calls.add("relay of B sent " + enqueued.stream().filter(key::equals).count());
            return "pi_a";
        });

        assertThat(replicaA.execute(key)).isEqualTo("succeeded");

        assertThat(calls).containsExactly("perform", "relay of B sent 0");
    }

    @Test
    void theWebhookRelayOfAnotherReplicaDoesNotResendAJustReceivedEvent() {
        String eventId = "evt_skew_" + UUID.randomUUID();
        JdbcWebhookEventStore store = new JdbcWebhookEventStore(db.jdbc(), false, "webhook-processor");
        store.insertIfAbsent(new NewWebhookEvent(WebhookProvider.STRIPE,
                new WebhookEnvelope(eventId, "payment_intent.succeeded", null, null), "0".repeat(64), "{}",
                Instant.now()));
        List<String> sent = new ArrayList<>();
        // replica B's relay, whose clock runs ahead: it ages events by the database's clock
        WebhookRelay replicaB = new WebhookRelay(store, (provider, id) -> sent.add(id),
                new SpringTransactionRunner(db.transactions()), Duration.ofSeconds(30));

        replicaB.relayUnqueued();

        assertThat(sent).doesNotContain(eventId);
    }

    private String newSideEffect() {
        String invoiceId = "INV-SKEW-" + UUID.randomUUID().toString().substring(0, 8);
        invoices.insertIfAbsent(new Invoice(invoiceId, new Customer("C-1", "Ada", null), new Money(1000, "USD"),
                "skew", "hash", PaymentFacts.NONE, Instant.now()));
        IdempotencyKey key = IdempotencyKey.of(invoiceId, SideEffectAction.CREATE_PAYMENT_INTENT);
        sideEffects.createIfAbsent(key, Map.of(), Instant.now());
        return key.value();
    }

    private SideEffectExecutor executor(Clock clock, Supplier<String> vendor) {
        SideEffectHandler<Invoice> handler = new SideEffectHandler<>() {
            @Override
            public Set<SideEffectAction> actions() {
                return Set.of(SideEffectAction.CREATE_PAYMENT_INTENT);
            }

            @Override
            public String vendor() {
                return "clock-skew-vendor";
            }

            @Override
            public Invoice subject(SideEffect effect) {
                return invoices.subjectOf(effect);
            }

            @Override
            public void onClaim(SideEffect effect, Invoice invoice) {
            }

            @Override
            public VendorOutcome perform(SideEffect effect, Invoice invoice) {
                calls.add("perform");
                return new VendorOutcome.Succeeded(vendor.get(), new VendorExchange("request", "response", 200));
            }

            @Override
            public VendorOutcome resume(SideEffect effect, Invoice invoice) {
                calls.add("resume");
                return new VendorOutcome.Succeeded(vendor.get(), new VendorExchange("request", "response", 200));
            }

            @Override
            public boolean retriesUnknownOutcome(SideEffect effect) {
                return true;
            }

            @Override
            public void onOutcome(SideEffect effect, Invoice invoice, VendorOutcome outcome,
                                  SideEffectStatus status) {
            }
        };
        return new SideEffectExecutor(sideEffects, queue(), new JdbcDeadLetterStore(db.jdbc()),
                new io.financehub.event.application.RecordingOutbox(), new SpringTransactionRunner(db.transactions()), POLICY, clock,
                (vendorName, operation, call) -> call.get(), List.of(handler));
    }

    private SideEffectQueue queue() {
        return new SideEffectQueue() {
            @Override
            public void enqueue(SideEffectChannel channel, String key) {
                enqueued.add(key);
            }

            @Override
            public void enqueueAfter(SideEffectChannel channel, String key, Duration delay) {
                enqueued.add(key);
            }

            @Override
            public String address(SideEffectChannel channel) {
                return "hub.side-effects." + channel.name().toLowerCase();
            }
        };
    }
}
