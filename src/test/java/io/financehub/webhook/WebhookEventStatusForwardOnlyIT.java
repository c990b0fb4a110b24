package io.financehub.webhook;

import io.financehub.webhook.adapter.JdbcWebhookEventStore;
import io.financehub.webhook.application.WebhookEnvelope;
import io.financehub.webhook.application.WebhookEventStore.NewWebhookEvent;
import io.financehub.webhook.domain.WebhookEventStatus;
import io.financehub.webhook.domain.WebhookProvider;
import io.financehub.support.MigratedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static io.financehub.webhook.domain.WebhookEventStatus.FAILED;
import static io.financehub.webhook.domain.WebhookEventStatus.IGNORED;
import static io.financehub.webhook.domain.WebhookEventStatus.PROCESSED;
import static io.financehub.webhook.domain.WebhookEventStatus.UNMATCHED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two copies of one event processed at once (two replicas, or a relay copy and a replay) write their outcomes in
 * either order: the store only lets a status move forward, so a copy that failed never undoes one that applied the
 * event. On the real database (H2 and PostgreSQL), because the rule lives in the UPDATE's WHERE clause.
 */
class WebhookEventStatusForwardOnlyIT {

    static MigratedDatabase db;
    static JdbcWebhookEventStore store;

    @BeforeAll
    static void migrate() {
        db = new MigratedDatabase();
        store = new JdbcWebhookEventStore(db.jdbc(), false, "webhook-processor");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void aFailureRecordedAfterTheEventWasProcessedChangesNothing() {
        String eventId = stored();
        Instant processedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        store.recordOutcome(WebhookProvider.STRIPE, eventId, PROCESSED, "INV-1", null, processedAt);

        assertThat(store.recordOutcome(WebhookProvider.STRIPE, eventId, FAILED, null,
                "IllegalStateException: lost the race", null)).isFalse();

        assertThat(row(eventId)).containsEntry("status", "processed").containsEntry("last_error", null);
        assertThat(store.find(WebhookProvider.STRIPE, eventId).orElseThrow().status()).isEqualTo(PROCESSED);
        // a replay of the processed event still records its run
        assertThat(store.recordOutcome(WebhookProvider.STRIPE, eventId, PROCESSED, "INV-1", null, Instant.now()))
                .isTrue();
    }

    @Test
    void neitherAFailureNorAnUnmatchedCopyUndoesAProcessedOrIgnoredEvent() {
        for (WebhookEventStatus done : new WebhookEventStatus[]{PROCESSED, IGNORED}) {
            for (WebhookEventStatus late : new WebhookEventStatus[]{FAILED, UNMATCHED}) {
                String eventId = stored();
                store.recordOutcome(WebhookProvider.STRIPE, eventId, done, null, null, Instant.now());
                assertThat(store.recordOutcome(WebhookProvider.STRIPE, eventId, late, null, "late copy", null))
                        .as(done + " then " + late).isFalse();
                assertThat(row(eventId).get("status")).as(done + " then " + late).isEqualTo(done.dbValue());
            }
        }
    }

    @Test
    void aFailureDoesNotTurnAnUnmatchedEventIntoAFailedOne() {
        // the unmatched copy completed, so the failed one is never redelivered: 'failed' would strand the event
        String eventId = stored();
        store.recordOutcome(WebhookProvider.STRIPE, eventId, UNMATCHED, null, null, Instant.now());

        assertThat(store.recordOutcome(WebhookProvider.STRIPE, eventId, FAILED, null, "IllegalStateException: boom",
                null)).isFalse();

        assertThat(row(eventId).get("status")).isEqualTo("unmatched");
    }

    @Test
    void aFailedOrUnmatchedEventStillMovesOnToProcessed() {
        String failed = stored();
        store.recordOutcome(WebhookProvider.STRIPE, failed, FAILED, null, "IllegalStateException: outage", null);
        assertThat(store.recordOutcome(WebhookProvider.STRIPE, failed, PROCESSED, "INV-2", null, Instant.now()))
                .isTrue();
        assertThat(row(failed)).containsEntry("status", "processed").containsEntry("last_error", null)
                .containsEntry("invoice_id", "INV-2");

        String unmatched = stored();
        store.recordOutcome(WebhookProvider.STRIPE, unmatched, UNMATCHED, null, null, Instant.now());
        store.recordOutcome(WebhookProvider.STRIPE, unmatched, PROCESSED, "INV-3", null, Instant.now());
        assertThat(row(unmatched).get("status")).isEqualTo("processed");

        String redelivered = stored();
        store.recordOutcome(WebhookProvider.STRIPE, redelivered, FAILED, null, "IllegalStateException: outage", null);
        assertThat(store.recordOutcome(WebhookProvider.STRIPE, redelivered, UNMATCHED, null, null, Instant.now()))
                .isTrue();
        assertThat(row(redelivered).get("status")).isEqualTo("unmatched");
    }

    private static String stored() {
        String eventId = "evt_fwd_" + UUID.randomUUID();
        assertThat(store.insertIfAbsent(new NewWebhookEvent(WebhookProvider.STRIPE,
                new WebhookEnvelope(eventId, "payment_intent.succeeded", null, "pi_1"), "0".repeat(64), "{}",
                Instant.now()))).isTrue();
        return eventId;
    }

    private static Map<String, Object> row(String eventId) {
        return db.jdbc().queryForMap("SELECT status, last_error, invoice_id FROM webhook_events "
                + "WHERE provider = 'stripe' AND event_id = ?", eventId);
    }
}
