package io.financehub.retention;

import io.financehub.platform.persistence.JdbcJobLease;
import io.financehub.platform.persistence.SqlTime;
import io.financehub.retention.adapter.JdbcRetentionStore;
import io.financehub.retention.adapter.RetentionMetrics;
import io.financehub.retention.application.RetentionPass;
import io.financehub.retention.application.RetentionPruner;
import io.financehub.retention.application.RetentionStore;
import io.financehub.retention.domain.PrunedRecord;
import io.financehub.support.HubIntegrationBase;
import io.financehub.webhook.application.WebhookProcessingService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Retention against the hub's real schema (H2): old and new rows in every table the pruner touches and in every
 * table that explains a side effect, one pass with a clock {@value #DAYS_AHEAD} days ahead, then exactly the old
 * prunable rows are gone. The scheduled pruner is off here, so only the test's pruners (with their own clock) run.
 */
@TestPropertySource(properties = "hub.retention.enabled=false")
class RetentionIT extends HubIntegrationBase {

    private static final long DAYS_AHEAD = 400;
    /** The test pruners' "now": far enough ahead that rows stamped relative to it never bother the running hub. */
    private static final Instant NOW = Instant.now().plus(DAYS_AHEAD, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
    private static final Duration HOUR = Duration.ofHours(1);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RetentionProperties retention;

    @Autowired
    MeterRegistry hubMeters;

    @Autowired
    WebhookProcessingService webhookProcessing;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aPassRemovesExactlyTheOldPrunableRowsAndKeepsWhatExplainsASideEffect() {
        Duration payloads = retention.webhookPayloads();
        // webhook events: settled and old lose their payload, keep their row
        long oldProcessed = webhookEvent("processed", before(payloads).minus(HOUR));
        long oldIgnored = webhookEvent("ignored", before(payloads).minus(HOUR));
        long newProcessed = webhookEvent("processed", before(payloads).plus(HOUR));
        // waiting for the relay, their invoice or an operator: never cleared, however old
        long oldReceived = webhookEvent("received", before(payloads).minus(HOUR));
        long oldUnmatched = webhookEvent("unmatched", before(payloads).minus(HOUR));
        long oldFailed = webhookEvent("failed", before(payloads).minus(HOUR));

        long oldExchange = routeExchange(before(retention.routeExchanges()).minus(HOUR));
        long newExchange = routeExchange(before(retention.routeExchanges()).plus(HOUR));

        String oldMessageId = processedMessageId(before(retention.processedMessageIds()).minus(HOUR));
        String newMessageId = processedMessageId(before(retention.processedMessageIds()).plus(HOUR));

        Instant oldCommand = before(retention.inboundCommands()).minus(HOUR);
        long oldAccepted = inboundCommand("accepted", oldCommand);
        long oldReplayed = inboundCommand("replayed", oldCommand);
        long oldRejected = inboundCommand("rejected", oldCommand);
        long oldConflict = inboundCommand("conflict", oldCommand);
        long newRejected = inboundCommand("rejected", before(retention.inboundCommands()).plus(HOUR));

        Instant oldSettled = before(retention.deadLetters()).minus(HOUR);
        long oldRetried = deadLetter("retried", oldSettled, oldSettled);
        long newRetried = deadLetter("retried", oldSettled, before(retention.deadLetters()).plus(HOUR));
        long oldOpen = deadLetter("open", oldSettled, null);
        long oldRetrying = deadLetter("retrying", oldSettled, oldSettled);

        long oldPublished = domainEvent(before(retention.domainEvents()).minus(HOUR));
        long newPublished = domainEvent(before(retention.domainEvents()).plus(HOUR));
        long unpublished = domainEvent(null);

        Instant ancient = NOW.minus(Duration.ofDays(DAYS_AHEAD + 1000));
        String invoice = "INV-RET-" + run;
        sideEffectRecords(invoice, ancient);

        RetentionPass pass = passOf(pruner("it-pruner", Duration.ofSeconds(1), 500, new SimpleMeterRegistry()));

        assertThat(pass.complete()).isTrue();
        assertThat(payload(oldProcessed)).isNull();
        assertThat(payload(oldIgnored)).isNull();
        assertThat(jdbc.queryForObject("SELECT payload_pruned_at FROM webhook_events WHERE id = ?", Timestamp.class,
                oldProcessed)).isNotNull();
        assertThat(List.of(newProcessed, oldReceived, oldUnmatched, oldFailed)).allSatisfy(id ->
                assertThat(payload(id)).as("payload of event %s", id).isNotNull());
        // the rows themselves, with what dedup and the audit trail need
        assertThat(jdbc.queryForList("SELECT event_id || '|' || type || '|' || status || '|' || payload_hash || '|' "
                        + "|| invoice_id FROM webhook_events WHERE id IN (?, ?)", String.class, oldProcessed, oldIgnored))
                .containsExactlyInAnyOrder("evt_" + oldProcessed + "|payment_intent.succeeded|processed|hash|INV-W",
                        "evt_" + oldIgnored + "|payment_intent.succeeded|ignored|hash|INV-W");

        assertThat(exists("route_exchanges", oldExchange)).isFalse();
        assertThat(exists("route_exchanges", newExchange)).isTrue();

        assertThat(messageIdExists(oldMessageId)).isFalse();
        assertThat(messageIdExists(newMessageId)).isTrue();

        assertThat(List.of(oldReplayed, oldRejected, oldConflict)).noneMatch(id -> exists("inbound_commands", id));
        assertThat(List.of(oldAccepted, newRejected)).allMatch(id -> exists("inbound_commands", id));

        assertThat(exists("dead_letters", oldRetried)).isFalse();
        assertThat(List.of(newRetried, oldOpen, oldRetrying)).allMatch(id -> exists("dead_letters", id));

        assertThat(exists("domain_events", oldPublished)).isFalse();
        assertThat(List.of(newPublished, unpublished)).allMatch(id -> exists("domain_events", id));

        // nothing that explains a side effect is touched, however old
        for (String table : List.of("invoices", "idempotency_keys", "payment_attempts", "accounting_posts",
                "sms_messages", "flow_calls")) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE invoice_id = ?", Integer.class,
                    invoice)).as(table).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sms_operator_actions WHERE idempotency_key = ?",
                Integer.class, invoice + ":sms-invoice-issued")).as("sms_operator_actions").isEqualTo(1);
        // this context's database holds only this class's rows, and every test's pass removes its old ones
        assertThat(pass.removed()).containsExactlyInAnyOrderEntriesOf(Map.of(
                PrunedRecord.WEBHOOK_PAYLOADS, 2L, PrunedRecord.ROUTE_EXCHANGES, 1L,
                PrunedRecord.PROCESSED_MESSAGE_IDS, 1L, PrunedRecord.INBOUND_COMMANDS, 3L,
                PrunedRecord.DEAD_LETTERS, 1L, PrunedRecord.DOMAIN_EVENTS, 1L));
    }

    @Test
    void anEventWhosePayloadWasPrunedIsStillListedButCannotBeReplayed() {
        long id = webhookEvent("processed", before(retention.webhookPayloads()).minus(HOUR));
        passOf(pruner("it-pruner", Duration.ofSeconds(1), 500, new SimpleMeterRegistry()));
        assertThat(payload(id)).isNull();

        HttpResponse<String> replay = hub().postAdmin("/admin/webhook-events/stripe/evt_" + id + "/replay");
        assertThat(replay.statusCode()).isEqualTo(410);
        assertThat(replay.body()).contains("\"error\":\"payload_pruned\"", "retention window");
        // a stray queue copy of it is dropped: nothing to apply, the status stays
        assertThat(webhookProcessing.process("stripe", "evt_" + id).dbValue()).isEqualTo("processed");
        assertThat(jdbc.queryForObject("SELECT attempts FROM webhook_events WHERE id = ?", Integer.class, id))
                .isZero();
        assertThat(hub().getAdmin("/admin/webhook-events?provider=stripe&status=processed").body())
                .contains("\"eventId\":\"evt_" + id + "\"");
    }

    @Test
    void moreRowsThanOneBatchAreRemovedInSeveralBoundedBatches() {
        List<Long> mine = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            mine.add(routeExchange(before(retention.routeExchanges()).minus(HOUR)));
        }
        List<Integer> batches = Collections.synchronizedList(new ArrayList<>());
        RetentionStore real = new JdbcRetentionStore(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
        RetentionStore recording = (record, cutoff, limit) -> {
            int removed = real.pruneBatch(record, cutoff, limit);
            if (record == PrunedRecord.ROUTE_EXCHANGES) {
                batches.add(removed);
            }
            return removed;
        };
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RetentionPruner pruner = new RetentionPruner(retention.policy(), recording,
                new JdbcJobLease(jdbc), new RetentionMetrics(meters), Clock.fixed(NOW, ZoneOffset.UTC), "it-pruner",
                200, Duration.ofSeconds(1));

        RetentionPass pass = passOf(pruner);

        assertThat(batches).hasSizeGreaterThanOrEqualTo(3).allMatch(n -> n <= 200);
        assertThat(batches.subList(0, 2)).containsExactly(200, 200);
        assertThat(batches.get(batches.size() - 1)).isLessThan(200);
        assertThat(pass.removed(PrunedRecord.ROUTE_EXCHANGES)).isGreaterThanOrEqualTo(450);
        assertThat(mine).noneMatch(id -> exists("route_exchanges", id));
        assertThat(meters.get("hub.retention.removed.rows").tag("table", "route_exchanges").counter().count())
                .isEqualTo(pass.removed(PrunedRecord.ROUTE_EXCHANGES));
        assertThat(meters.get("hub.retention.last_run.timestamp").gauge().value()).isEqualTo(NOW.getEpochSecond());
    }

    @Test
    void twoReplicasNeverPruneAtOnceTheSecondWaitsForTheFirstsLeaseToExpire() {
        Duration lease = Duration.ofSeconds(3);
        RetentionPruner a = pruner("replica-a", lease, 500, new SimpleMeterRegistry());
        RetentionPruner b = pruner("replica-b", lease, 500, new SimpleMeterRegistry());
        passOf(a);
        long due = routeExchange(before(retention.routeExchanges()).minus(HOUR));

        RetentionPass skipped = b.prune();

        assertThat(skipped.ran()).as("a's lease is live").isFalse();
        assertThat(exists("route_exchanges", due)).isTrue();
        assertThat(jdbc.queryForObject("SELECT owner FROM job_leases WHERE job = ?", String.class,
                RetentionPruner.JOB)).isEqualTo("replica-a");
        // a stops pruning (stopped or died): once its lease expired, b takes over
        RetentionPass taken = passOf(b);
        assertThat(taken.ran()).isTrue();
        assertThat(exists("route_exchanges", due)).isFalse();
        assertThat(a.prune().ran()).as("now b's lease is live").isFalse();
    }

    @Test
    void ofManyReplicasTakingAFreeLeaseAtOnceExactlyOneGetsIt() throws Exception {
        String job = "it-race-" + run;
        JdbcJobLease lease = new JdbcJobLease(jdbc);
        int replicas = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < replicas; i++) {
                String owner = "replica-" + i;
                Callable<Boolean> take = () -> {
                    start.await();
                    return lease.tryAcquire(job, owner, Duration.ofMinutes(1));
                };
                results.add(pool.submit(take));
            }
            start.countDown();
            int holders = 0;
            for (Future<Boolean> result : results) {
                holders += result.get() ? 1 : 0;
            }
            assertThat(holders).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        String holder = jdbc.queryForObject("SELECT owner FROM job_leases WHERE job = ?", String.class, job);
        assertThat(lease.renew(job, holder, Duration.ofMinutes(1))).isTrue();
        assertThat(lease.renew(job, "someone-else", Duration.ofMinutes(1))).isFalse();
        assertThat(lease.tryAcquire(job, holder, Duration.ofMinutes(1))).as("its own lease, renewed").isTrue();
    }

    @Test
    void theHubsPrunerAndItsMetersAreWired() {
        assertThat(hubMeters.find("hub.retention.removed.rows").counters()).extracting(c -> c.getId().getTag("table"))
                .containsExactlyInAnyOrder("route_exchanges", "camel_messageprocessed", "inbound_commands",
                        "dead_letters", "domain_events");
        assertThat(hubMeters.get("hub.retention.cleared.payloads").tag("table", "webhook_events").counter())
                .isNotNull();
        assertThat(hubMeters.get("hub.retention.last_run.timestamp").gauge()).isNotNull();
    }

    /** A pass, once any earlier holder's short lease has expired. */
    private static RetentionPass passOf(RetentionPruner pruner) {
        RetentionPass[] pass = new RetentionPass[1];
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> (pass[0] = pruner.prune()).ran());
        return pass[0];
    }

    private RetentionPruner pruner(String owner, Duration lease, int batchSize, MeterRegistry meters) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return new RetentionPruner(retention.policy(), new JdbcRetentionStore(jdbc, clock), new JdbcJobLease(jdbc),
                new RetentionMetrics(meters), clock, owner, batchSize, lease);
    }

    private static Instant before(Duration window) {
        return NOW.minus(window);
    }

    private long webhookEvent(String status, Instant receivedAt) {
        String marker = "evt-" + UUID.randomUUID();
        // dispatched far ahead, so the running hub's relay leaves a 'received' one alone
        jdbc.update("INSERT INTO webhook_events (provider, event_id, type, payload_hash, payload, invoice_id, status, "
                        + "received_at, processed_at, dispatched_at) VALUES ('stripe', ?, 'payment_intent.succeeded', "
                        + "'hash', '{\"id\":\"x\"}', 'INV-W', ?, ?, ?, ?)", marker, status, SqlTime.of(receivedAt),
                SqlTime.of(receivedAt), SqlTime.of(NOW.plus(Duration.ofDays(1000))));
        long id = jdbc.queryForObject("SELECT id FROM webhook_events WHERE event_id = ?", Long.class, marker);
        jdbc.update("UPDATE webhook_events SET event_id = ? WHERE id = ?", "evt_" + id, id);
        return id;
    }

    private String payload(long webhookEventId) {
        return jdbc.queryForObject("SELECT payload FROM webhook_events WHERE id = ?", String.class, webhookEventId);
    }

    private long routeExchange(Instant recordedAt) {
        return insert("INSERT INTO route_exchanges (route_id, exchange_id, correlation_key, body, recorded_at) "
                + "VALUES ('payments-worker', '" + UUID.randomUUID() + "', 'k', 'b', ?)", recordedAt);
    }

    private String processedMessageId(Instant createdAt) {
        String id = "stripe:evt_" + UUID.randomUUID();
        jdbc.update("INSERT INTO CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt) VALUES ('webhooks', ?, ?)",
                id, Timestamp.from(createdAt));
        return id;
    }

    private boolean messageIdExists(String messageId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED WHERE messageId = ?", Integer.class,
                messageId) == 1;
    }

    private long inboundCommand(String outcome, Instant receivedAt) {
        return insert("INSERT INTO inbound_commands (channel, command, invoice_id, outcome, received_at) "
                + "VALUES ('jms', 'IssueInvoice', 'INV-C', '" + outcome + "', ?)", receivedAt);
    }

    private long deadLetter(String status, Instant failedAt, Instant retriedAt) {
        String marker = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO dead_letters (queue, reason, message_id, attempts, status, failed_at, retried_at) "
                        + "VALUES ('hub.invoice.commands', 'test', ?, 6, ?, ?, ?)", marker, status, SqlTime.of(failedAt),
                SqlTime.of(retriedAt));
        return jdbc.queryForObject("SELECT id FROM dead_letters WHERE message_id = ?", Long.class, marker);
    }

    private long domainEvent(Instant publishedAt) {
        String eventId = UUID.randomUUID().toString();
        // an unpublished one is claimed far ahead, so the running hub's publisher leaves it unpublished
        jdbc.update("INSERT INTO domain_events (event_id, event_type, invoice_id, occurred_at, payload, "
                        + "claimed_until, published_at) VALUES (?, 'invoice.issued', 'INV-E', ?, '{}', ?, ?)", eventId,
                SqlTime.of(NOW.minus(Duration.ofDays(1000))), publishedAt == null
                        ? SqlTime.of(NOW.plus(Duration.ofDays(1000))) : null, SqlTime.of(publishedAt));
        return jdbc.queryForObject("SELECT id FROM domain_events WHERE event_id = ?", Long.class, eventId);
    }

    /** One settled row in each table that explains a side effect, all far older than every window. */
    private void sideEffectRecords(String invoice, Instant at) {
        Object t = SqlTime.of(at);
        String key = invoice + ":create-payment-intent";
        jdbc.update("INSERT INTO invoices (invoice_id, currency, amount_minor, content_hash, status, created_at, "
                + "updated_at) VALUES (?, 'USD', 100, 'h', 'paid', ?, ?)", invoice, t, t);
        jdbc.update("INSERT INTO idempotency_keys (idempotency_key, invoice_id, action, channel, status, attempts, "
                + "created_at, completed_at) VALUES (?, ?, 'create-payment-intent', 'payments', 'succeeded', 1, ?, ?)",
                key, invoice, t, t);
        jdbc.update("INSERT INTO payment_attempts (invoice_id, idempotency_key, attempt, request, response, status, "
                + "started_at, finished_at) VALUES (?, ?, 1, 'req', 'resp', 'succeeded', ?, ?)", invoice, key, t, t);
        jdbc.update("INSERT INTO accounting_posts (invoice_id, idempotency_key, backend, currency, amount_minor, "
                + "debit_account, credit_account, request, response, status, created_at, updated_at) VALUES (?, ?, "
                + "'sandbox', 'USD', 100, 'assets:receivable', 'revenue:sales', 'req', 'resp', 'posted', ?, ?)",
                invoice, invoice + ":post-invoice", t, t);
        jdbc.update("INSERT INTO sms_messages (invoice_id, idempotency_key, to_number, template, status, created_at, "
                + "updated_at) VALUES (?, ?, '+15551234567', 'invoice-issued', 'delivered', ?, ?)", invoice,
                invoice + ":sms-invoice-issued", t, t);
        jdbc.update("INSERT INTO sms_operator_actions (idempotency_key, action, operator, outcome, acted_at) "
                + "VALUES (?, 'lookup', 'ops', 'delivered', ?)", invoice + ":sms-invoice-issued", t);
        jdbc.update("INSERT INTO flow_calls (invoice_id, idempotency_key, attempt, endpoint, request, response, status, "
                + "started_at, finished_at) VALUES (?, ?, 1, 'http://crm', 'req', 'resp', 'succeeded', ?, ?)", invoice,
                invoice + ":crm-payment-sync", t, t);
    }

    private long insert(String sql, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement(sql, new String[] {"id"});
            ps.setObject(1, SqlTime.of(at));
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    private boolean exists(String table, long id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE id = ?", Integer.class, id) == 1;
    }
}
