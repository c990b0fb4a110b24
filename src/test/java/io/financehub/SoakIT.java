package io.financehub;

import io.financehub.support.HledgerWebProcess;
import io.financehub.support.HubIntegrationBase;
import io.financehub.support.HubProcess;
import io.financehub.support.SoakTraffic;
import io.financehub.support.SoakVendors;
import io.financehub.support.StandaloneArtemis;
import io.financehub.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The soak (also {@code scripts/soak.sh}): two replicas of the packaged jar on one PostgreSQL schema and a standalone
 * Artemis, live Stripe and Twilio modes against stubs that count what they receive, a real hledger-web, retention
 * pruning every few seconds. Invoice commands arrive at a steady rate, Stripe events for the invoices and Twilio
 * status callbacks for the SMS, with earlier webhooks delivered again in random order; one replica is killed with
 * SIGKILL and restarted twice, the broker is restarted once. Then: one PaymentIntent per invoice at Stripe, one ledger
 * transaction per key in hledger-web, no SMS twice, every acknowledged webhook processed once. The counts go to
 * standard output and {@code target/soak/report.md}.
 * <p>
 * PostgreSQL is the production path and the one that two replicas can share, so this runs in the PostgreSQL pass
 * only. {@code -Dhub.soak.load-seconds} (default 60, longer when restarts are slow) and
 * {@code -Dhub.soak.invoices-per-second} (default 2) size it.
 */
@EnabledIfSystemProperty(named = "hub.it.database", matches = "postgres")
class SoakIT {

    static final Duration LOAD = Duration.ofSeconds(Long.getLong("hub.soak.load-seconds", 60));
    /** Traffic before the first kill and between two steps of the chaos. */
    static final Duration GAP = Duration.ofSeconds(12);
    /** Traffic after the last restart: the restarted replica serves under load. */
    static final Duration TAIL = Duration.ofSeconds(15);
    static final int INVOICES_PER_SECOND = Integer.getInteger("hub.soak.invoices-per-second", 2);
    /** Short enough that every window passes many times during the run. */
    static final String RETENTION_WINDOW = "20s";
    static final Path REPORT = Path.of("target/soak/report.md");
    static final String TWILIO_TOKEN = "soak-twilio-auth-token";
    /** What Twilio's signatures cover; the callbacks are posted to the replicas' own addresses. */
    static final String PUBLIC_BASE_URL = "http://hub.soak.invalid";

    private final List<HubProcess> running = new ArrayList<>();
    private StandaloneArtemis broker;
    private HledgerWebProcess ledger;
    private SoakVendors vendors;

    @AfterEach
    void stopEverything() {
        running.forEach(hub -> hub.process().destroyForcibly());
        if (broker != null) {
            broker.stop();
        }
        if (ledger != null) {
            ledger.stop();
        }
        if (vendors != null) {
            vendors.close();
        }
    }

    @Test
    void nothingIsLostOrDoneTwiceThroughKillsAndABrokerRestart() throws Exception {
        String schema = TestDatabase.newSchema();
        // a connection per query: the traffic's lookups and the checks run on threads of their own
        JdbcTemplate db = new JdbcTemplate(new DriverManagerDataSource(
                TestDatabase.POSTGRES_URL + "?currentSchema=" + schema, "postgres", ""));
        broker = StandaloneArtemis.start();
        ledger = HledgerWebProcess.start();
        vendors = new SoakVendors();
        Map<String, String> env = replicaEnvironment(schema);
        Path dataDir = Files.createTempDirectory("hub-soak-");
        HubProcess a = start(dataDir, "replica-a", env, HubIntegrationBase.freePort());
        HubProcess b = start(dataDir, "replica-b", env, HubIntegrationBase.freePort());

        SoakTraffic traffic = new SoakTraffic(List.of(a.baseUrl(), b.baseUrl()), HubIntegrationBase.STRIPE_SECRET,
                invoices -> paymentIntents(db, invoices), TWILIO_TOKEN, PUBLIC_BASE_URL, () -> sentSms(db));
        long started = System.nanoTime();
        List<String> chaos = new ArrayList<>();
        try (traffic) {
            traffic.start(INVOICES_PER_SECOND);
            // each step waits for the one before it (a restart takes what it takes on a loaded machine), then lets
            // the traffic run a while: the load lasts LOAD, and at least TAIL after the last restart
            pause(GAP);
            a = killAndRestart(a, dataDir, "replica-a", env, chaos);
            pause(GAP);
            broker.restart();
            chaos.add("broker restarted (SIGTERM, started again on its journal)");
            pause(GAP);
            a = killAndRestart(a, dataDir, "replica-a", env, chaos);
            pause(TAIL);
            pause(LOAD.minusNanos(System.nanoTime() - started));
            traffic.stop();
        }
        Duration load = Duration.ofNanos(System.nanoTime() - started);
        assertThat(traffic.refusals()).as("what the replicas answered besides an acknowledgement").isEmpty();

        Set<String> invoices = traffic.acceptedInvoices();
        Map<String, String> events = traffic.acknowledgedEvents();
        Set<String> paid = Set.copyOf(events.values());
        long started2 = System.nanoTime();
        // done: every acknowledged event processed and every side effect settled
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(db.queryForObject("SELECT COUNT(*) FROM webhook_events WHERE status <> 'processed'",
                    Long.class)).as("webhook events not processed").isZero();
            assertThat(db.queryForObject("SELECT COUNT(*) FROM idempotency_keys WHERE status NOT IN "
                    + "('succeeded', 'unknown')", Long.class)).as("side effects not settled").isZero();
            assertThat(db.queryForObject("SELECT COUNT(*) FROM idempotency_keys", Long.class))
                    .isEqualTo(3L * invoices.size() + 2L * paid.size());
        });
        Duration settle = Duration.ofNanos(System.nanoTime() - started2);

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("load", load.toSeconds() + " s at " + INVOICES_PER_SECOND + " invoices/s, then " + settle.toSeconds()
                + " s until everything settled");
        chaos.forEach(step -> report.put("chaos: " + step, "done"));
        new TreeMap<>(traffic.counts()).forEach(report::put);
        report.put("invoices accepted", invoices.size());
        report.put("payment events acknowledged", events.size());

        // the invoices, each once
        assertThat(db.queryForList("SELECT invoice_id FROM invoices", String.class))
                .containsExactlyInAnyOrderElementsOf(invoices);
        assertThat(db.queryForList("SELECT invoice_id FROM invoices WHERE status = 'PAID'", String.class))
                .containsExactlyInAnyOrderElementsOf(paid);

        // Stripe: one PaymentIntent (idempotency key) per invoice, whatever was retried under it
        Map<String, Long> intents = vendors.paymentIntentRequestsByKey();
        assertThat(intents.keySet()).containsExactlyInAnyOrderElementsOf(
                invoices.stream().map(id -> id + ":create-payment-intent").toList());
        report.put("Stripe PaymentIntents (distinct idempotency keys)", intents.size());
        report.put("Stripe requests (a retry repeats its key)", sum(intents));

        // hledger-web: one transaction per key, the journal file read by hledger itself; the hub's read markers
        // (no postings, docs/accounting.md) are counted apart
        Map<Boolean, Map<String, Long>> journal = ledger.transactions().stream().collect(Collectors.partitioningBy(
                t -> t.path("tcode").asText().startsWith("hub-sync:"),
                Collectors.groupingBy(t -> t.path("tcode").asText(), Collectors.counting())));
        Map<String, Long> postings = journal.get(false);
        List<String> expectedPostings = new ArrayList<>();
        invoices.forEach(id -> expectedPostings.add(id + ":post-invoice"));
        paid.forEach(id -> expectedPostings.add(id + ":post-payment"));
        assertThat(postings.keySet()).containsExactlyInAnyOrderElementsOf(expectedPostings);
        assertThat(postings).as("ledger transactions posted twice").allSatisfy((key, n) -> assertThat(n).isOne());
        report.put("hledger transactions", sum(postings));
        report.put("hledger read markers (no postings)", sum(journal.get(true)));

        // Twilio: no SMS twice; one the hub could not know the fate of (a replica killed mid-send) stays unknown,
        // it is never sent again
        Map<String, Long> sms = vendors.smsSendsByRecipientAndText();
        assertThat(sms).as("SMS sent twice").allSatisfy((message, n) -> assertThat(n).isOne());
        long unknownSms = db.queryForObject("SELECT COUNT(*) FROM idempotency_keys WHERE status = 'unknown' "
                + "AND channel = 'sms'", Long.class);
        assertThat(db.queryForObject("SELECT COUNT(*) FROM idempotency_keys WHERE status = 'unknown' "
                + "AND channel <> 'sms'", Long.class)).as("non-SMS side effects unknown").isZero();
        assertThat(sms.size()).isBetween((int) (invoices.size() + paid.size() - unknownSms),
                invoices.size() + paid.size());
        report.put("SMS sent", sms.size());
        report.put("SMS left unknown (for an operator, never resent)", unknownSms);

        // every acknowledged webhook stored and processed, once: its effects above (Stripe) and the SMS statuses
        // (Twilio) exist exactly once
        Map<String, String> stored = new HashMap<>();
        db.query("SELECT event_id, status FROM webhook_events", rs -> {
            stored.put(rs.getString(1), rs.getString(2));
        });
        Map<String, String> callbacks = traffic.acknowledgedCallbacks();
        assertThat(stored.keySet()).containsAll(events.keySet()).containsAll(callbacks.keySet());
        assertThat(stored).allSatisfy((id, status) -> assertThat(status).isEqualTo("processed"));
        List<String> delivered = callbacks.keySet().stream().filter(id -> id.endsWith(":delivered"))
                .map(callbacks::get).toList();
        assertThat(delivered).isNotEmpty().allSatisfy(sid -> assertThat(db.queryForObject(
                "SELECT status FROM sms_messages WHERE provider_msg_id = ?", String.class, sid)).isEqualTo("delivered"));
        report.put("Twilio status callbacks acknowledged (sent, then delivered)", callbacks.size());
        report.put("webhook events stored (Stripe and Twilio)", stored.size());
        assertThat(db.queryForObject("SELECT COUNT(*) FROM dead_letters", Long.class)).as("dead letters").isZero();

        // retention ran on the shared database throughout and kept up
        long cleared = db.queryForObject("SELECT COUNT(*) FROM webhook_events WHERE payload_pruned_at IS NOT NULL",
                Long.class);
        assertThat(cleared).as("webhook payloads retention cleared").isPositive();
        assertThat(db.queryForObject("SELECT COUNT(*) FROM route_exchanges WHERE recorded_at < "
                + "CURRENT_TIMESTAMP - INTERVAL '60 seconds'", Long.class)).as("wire-tap rows past retention").isZero();
        report.put("webhook payloads cleared by retention", cleared);
        report.put("wire-tapped exchanges kept (the last " + RETENTION_WINDOW + ")",
                db.queryForObject("SELECT COUNT(*) FROM route_exchanges", Long.class));

        write(report);
    }

    /** What both replicas run with: the shared schema, the broker, the stubs as live vendors, hledger-web. */
    private Map<String, String> replicaEnvironment(String schema) {
        Map<String, String> env = new HashMap<>();
        env.put("SPRING_DATASOURCE_URL", TestDatabase.POSTGRES_URL + "?currentSchema=" + schema);
        env.put("SPRING_DATASOURCE_USERNAME", "postgres");
        env.put("SPRING_DATASOURCE_PASSWORD", "");
        env.put("SPRING_FLYWAY_SCHEMAS", schema);
        env.put("HUB_BROKER_URL", broker.url());
        env.put("HUB_BROKER_USER", StandaloneArtemis.USER);
        env.put("HUB_BROKER_PASSWORD", StandaloneArtemis.PASSWORD);
        env.put("HUB_STRIPE_MODE", "live");
        env.put("HUB_STRIPE_API_BASE", vendors.baseUrl());
        env.put("HUB_STRIPE_API_KEY", SoakVendors.STRIPE_API_KEY);
        env.put("HUB_STRIPE_CONNECT_TIMEOUT", "2s");
        env.put("HUB_STRIPE_READ_TIMEOUT", "5s");
        env.put("HUB_TWILIO_MODE", "live");
        env.put("HUB_TWILIO_API_BASE", vendors.baseUrl());
        env.put("HUB_TWILIO_ACCOUNT_SID", SoakVendors.TWILIO_SID);
        env.put("HUB_TWILIO_AUTH_TOKEN", TWILIO_TOKEN);
        env.put("HUB_TWILIO_TIMEOUT", "5s");
        env.put("HUB_PUBLIC_BASE_URL", PUBLIC_BASE_URL);
        env.put("HUB_ACCOUNTING_KIND", "hledger");
        env.put("HUB_ACCOUNTING_URL", ledger.url());
        env.put("HUB_ACCOUNTING_TIMEOUT", "2s");
        env.put("HUB_ACCOUNTING_LOOKUP_DELAY", "7s");
        // a killed replica's claims are taken over after this, its queued messages redelivered by the broker
        env.put("HUB_SIDE_EFFECTS_LEASE", "30s");
        env.put("HUB_SIDE_EFFECTS_REDISPATCH_AFTER", "10s");
        env.put("HUB_SIDE_EFFECTS_RELAY_PERIOD", "2000");
        env.put("HUB_WEBHOOK_RELAY_AFTER", "10s");
        env.put("HUB_WEBHOOK_RELAY_PERIOD", "2000");
        // the stubs keep no event list or message history: recovery has its own tests
        env.put("HUB_RECOVERY_STRIPE_ENABLED", "false");
        env.put("HUB_RECOVERY_TWILIO_ENABLED", "false");
        env.put("HUB_RETENTION_PERIOD", "5s");
        env.put("HUB_RETENTION_LEASE", "15s");
        for (String record : List.of("WEBHOOK_PAYLOADS", "ROUTE_EXCHANGES", "PROCESSED_MESSAGE_IDS",
                "INBOUND_COMMANDS", "DEAD_LETTERS", "DOMAIN_EVENTS", "REJECTED_COMMANDS")) {
            env.put("HUB_RETENTION_" + record, RETENTION_WINDOW);
        }
        return env;
    }

    private HubProcess start(Path dataDir, String name, Map<String, String> env, int port) throws IOException {
        HubProcess hub = HubProcess.start(dataDir, name, env, port);
        running.add(hub);
        return hub;
    }

    /** SIGKILL in the middle of the traffic, then a start on the same port, as an orchestrator would do. */
    private HubProcess killAndRestart(HubProcess hub, Path dataDir, String name, Map<String, String> env,
                                      List<String> chaos) throws Exception {
        hub.process().destroyForcibly();
        assertThat(hub.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(hub.process().exitValue()).as("killed by SIGKILL").isEqualTo(137);
        running.remove(hub);
        long down = System.nanoTime();
        HubProcess restarted = start(dataDir, name, env, hub.port());
        chaos.add(name + " killed (SIGKILL) and restarted, healthy again after "
                + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - down) + " s");
        return restarted;
    }

    /** The scenario's schedule: the traffic runs meanwhile, nothing to wait on. */
    private static void pause(Duration duration) throws InterruptedException {
        if (!duration.isNegative()) {
            TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        }
    }

    private static Map<String, String> paymentIntents(JdbcTemplate db, Set<String> invoices) {
        Map<String, String> found = new HashMap<>();
        db.query("SELECT invoice_id, payment_intent_id FROM invoices WHERE payment_intent_id IS NOT NULL "
                + "AND status = 'AWAITING_PAYMENT'", rs -> {
                    if (invoices.contains(rs.getString(1))) {
                        found.put(rs.getString(1), rs.getString(2));
                    }
                });
        return found;
    }

    /** The SMS the hub recorded as accepted by Twilio: message SID → recipient. */
    private static Map<String, String> sentSms(JdbcTemplate db) {
        Map<String, String> sent = new HashMap<>();
        db.query("SELECT provider_msg_id, to_number FROM sms_messages WHERE provider_msg_id IS NOT NULL", rs -> {
            sent.put(rs.getString(1), rs.getString(2));
        });
        return sent;
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static void write(Map<String, Object> report) throws IOException {
        StringBuilder text = new StringBuilder("# Soak\n\n| what | count |\n|---|---|\n");
        report.forEach((what, count) -> text.append("| ").append(what).append(" | ").append(count).append(" |\n"));
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, text);
        System.out.println(text);
    }
}
