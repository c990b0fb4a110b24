package io.financehub.event.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.financehub.event.application.DomainEventPublisher;
import io.financehub.event.application.OutboundEvent;
import io.financehub.event.domain.EventType;
import io.financehub.platform.persistence.SpringTransactionRunner;
import io.financehub.support.MigratedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox on the real database (H2 and PostgreSQL): the stored body, the claim two replicas share without
 * blocking each other, and the crash between send and mark, after which the event is claimed again under the same
 * event id and with the same body.
 */
class DomainEventOutboxIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration LEASE = Duration.ofSeconds(30);

    static MigratedDatabase db;
    static JdbcDomainEventOutbox outbox;
    static JdbcDomainEventStore store;
    static DomainEventPublisher publisher;

    @BeforeAll
    static void migrate() {
        db = new MigratedDatabase();
        outbox = new JdbcDomainEventOutbox(db.jdbc(), Clock.fixed(Instant.parse("2026-06-01T12:00:00.123456789Z"),
                ZoneOffset.UTC));
        store = new JdbcDomainEventStore(db.jdbc());
        publisher = new DomainEventPublisher(store, new SpringTransactionRunner(db.transactions()), 10, LEASE);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void empty() {
        db.jdbc().update("DELETE FROM domain_events");
    }

    @Test
    void theStoredBodyIsTheMessageWithItsIdTypeInvoiceTimeAndData() throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("amountMinor", 12_500L);
        data.put("currency", "USD");
        data.put("paymentIntentId", null);
        outbox.record(EventType.PAYMENT_SUCCEEDED, "INV-OB-1", data);

        OutboundEvent event = publisher.claimBatch().get(0);
        JsonNode body = JSON.readTree(event.json());

        assertThat(event.eventType()).isEqualTo("payment.succeeded");
        assertThat(event.invoiceId()).isEqualTo("INV-OB-1");
        assertThat(body.get("eventId").asText()).isEqualTo(event.eventId()).hasSize(36);
        assertThat(body.get("eventType").asText()).isEqualTo("payment.succeeded");
        assertThat(body.get("invoiceId").asText()).isEqualTo("INV-OB-1");
        assertThat(body.get("occurredAt").asText()).isEqualTo("2026-06-01T12:00:00.123456Z");
        assertThat(body.get("data").get("amountMinor").asLong()).isEqualTo(12_500L);
        assertThat(body.get("data").get("currency").asText()).isEqualTo("USD");
        assertThat(body.get("data").has("paymentIntentId")).as("null values are left out").isFalse();
    }

    @Test
    void aClaimedEventIsNoOnesElseUntilMarkedAndThenNeverClaimedAgain() {
        outbox.record(EventType.INVOICE_ISSUED, "INV-OB-2", Map.of());

        List<OutboundEvent> first = publisher.claimBatch();
        assertThat(first).hasSize(1);
        assertThat(publisher.claimBatch()).as("held by the first claim's lease").isEmpty();

        publisher.markPublished(first.get(0).eventId());
        expireClaims();

        assertThat(publisher.claimBatch()).isEmpty();
        assertThat(db.jdbc().queryForObject("SELECT COUNT(*) FROM domain_events WHERE published_at IS NOT NULL "
                + "AND claimed_until IS NULL", Integer.class)).isEqualTo(1);
    }

    /** The publisher sent the event, then died before it marked it: once the lease is over it is sent again. */
    @Test
    void anEventClaimedButNotMarkedIsClaimedAgainAfterTheLeaseWithTheSameIdAndBody() {
        outbox.record(EventType.LEDGER_POSTED, "INV-OB-3", Map.of("journalRef", "J-1"));
        OutboundEvent sent = publisher.claimBatch().get(0);
        assertThat(publisher.claimBatch()).isEmpty();

        expireClaims();
        List<OutboundEvent> again = publisher.claimBatch();

        assertThat(again).singleElement().satisfies(e -> {
            assertThat(e.eventId()).isEqualTo(sent.eventId());
            assertThat(e.json()).isEqualTo(sent.json());
        });
    }

    /** Two replicas claiming at the same moment: the second skips the rows the first holds, without waiting. */
    @Test
    void aSecondClaimWhileTheFirstIsOpenTakesOtherRowsWithoutWaiting() throws Exception {
        for (int i = 0; i < 4; i++) {
            outbox.record(EventType.INVOICE_ISSUED, "INV-OB-4-" + i, Map.of());
        }
        JdbcDomainEventStore small = new JdbcDomainEventStore(db.jdbc());
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        CompletableFuture<List<OutboundEvent>> first = CompletableFuture.supplyAsync(() ->
                db.transactions().execute(status -> {
                    List<OutboundEvent> claimed = small.claimUnpublished(2, LEASE);
                    firstClaimed.countDown();
                    await(secondDone);
                    return claimed;
                }));
        await(firstClaimed);
        List<OutboundEvent> second = CompletableFuture.supplyAsync(() ->
                db.transactions().execute(status -> small.claimUnpublished(10, LEASE))).get(10, TimeUnit.SECONDS);
        secondDone.countDown();

        List<String> firstIds = first.get(10, TimeUnit.SECONDS).stream().map(OutboundEvent::eventId).toList();
        List<String> secondIds = second.stream().map(OutboundEvent::eventId).toList();
        assertThat(firstIds).hasSize(2);
        assertThat(secondIds).hasSize(2).doesNotContainAnyElementsOf(firstIds);
    }

    private static void expireClaims() {
        db.jdbc().update("UPDATE domain_events SET claimed_until = CURRENT_TIMESTAMP - INTERVAL '1' SECOND "
                + "WHERE claimed_until IS NOT NULL");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
