package io.financehub.ledger.adapter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.management.GarbageCollectionNotificationInfo;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.financehub.ledger.application.InvoiceCursor;
import io.financehub.ledger.application.LedgerReconciliationService;
import io.financehub.ledger.application.ReconciliationPeriod;
import io.financehub.ledger.application.ReconciliationReport;
import io.financehub.ledger.application.ReconciliationSink;
import io.financehub.ledger.application.ReconciliationSummary;
import io.financehub.sideeffect.application.SideEffectPolicy;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reconciliation at scale, outside any test run: N invoices (half of them paid) with their keys, audit rows and a
 * sandbox ledger holding every posting (but a few missing, mismatched and unexpected), bulk-inserted into a fresh
 * H2 file database (or the PostgreSQL database given); then a full walk of the JSON pages (serialised, as the
 * controller would) and a CSV stream (written, as the controller does), each timed, with the heap's peak: the largest
 * heap in use right after a collection (the live data; GC notifications) and the pools' peak including garbage.
 * Run by {@code bench/reconciliation.sh [N] [jdbc-url user password]}, with {@code -Xmx64m} by default.
 */
public final class ReconciliationBench {

    private static final AtomicLong LIVE_AFTER_GC = new AtomicLong();
    private static final java.util.Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
            .collect(java.util.stream.Collectors.toSet());

    private ReconciliationBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        HikariConfig config = new HikariConfig();
        if (args.length > 1) {
            config.setJdbcUrl(args[1]);
            config.setUsername(args.length > 2 ? args[2] : "postgres");
            config.setPassword(args.length > 3 ? args[3] : "");
        } else {
            String dir = Files.createTempDirectory("recon-bench-").toString();
            config.setJdbcUrl("jdbc:h2:file:" + dir + "/hub;MODE=PostgreSQL;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
            config.setUsername("sa");
            config.setPassword("");
        }
        config.setMaximumPoolSize(4);
        watchCollections();
        try (HikariDataSource ds = new HikariDataSource(config)) {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            long loadStart = System.nanoTime();
            load(ds, n);
            System.out.printf("loaded %,d invoices (%,d ledger transactions) in %.1f s%n", n, n + n / 2,
                    seconds(loadStart));
            run(ds, n);
        }
    }

    private static void run(HikariDataSource ds, int n) throws IOException {
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        LedgerReconciliationService reconciliation = new LedgerReconciliationService(
                new JdbcReconciliationReadModel(jdbc), new SandboxAccountingLedger(new JdbcSandboxLedgerStore(jdbc)),
                new SideEffectPolicy(Duration.ofMinutes(2), Duration.ofSeconds(30), 6, Duration.ofSeconds(2),
                        Duration.ofMinutes(5)), Clock.systemUTC());
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        for (int round = 1; round <= 2; round++) {
            System.gc();
            resetPeaks();
            long start = System.nanoTime();
            CountingStream out = new CountingStream();
            int pages = 0;
            long invoices = 0;
            long problems = 0;
            InvoiceCursor after = null;
            do {
                ReconciliationReport page = reconciliation.page(ReconciliationPeriod.ALL, after, 1000);
                json.writeValue(out, page);
                pages++;
                invoices += page.invoices().size();
                problems += page.problemCount();
                after = page.next() == null ? null : InvoiceCursor.parse(page.next());
            } while (after != null);
            System.out.printf("round %d, JSON pages (limit 1000): %d pages, %,d invoices, %d problems, %,d bytes in "
                    + "%.1f s; %s%n", round, pages, invoices, problems, out.bytes, seconds(start), heap());

            System.gc();
            resetPeaks();
            start = System.nanoTime();
            CountingStream csvOut = new CountingStream();
            Writer csv = new OutputStreamWriter(csvOut, StandardCharsets.UTF_8);
            ReconciliationSummary summary = reconciliation.stream(ReconciliationPeriod.ALL, new ReconciliationSink() {
                @Override
                public void start() {
                    write(() -> ReconciliationCsv.header(csv));
                }

                @Override
                public void invoice(ReconciliationReport.InvoiceLines invoice) {
                    write(() -> ReconciliationCsv.invoice(csv, invoice));
                }

                @Override
                public void unexpected(ReconciliationReport.Problem problem) {
                    write(() -> ReconciliationCsv.unexpected(csv, problem));
                }
            });
            csv.flush();
            System.out.printf("round %d, CSV stream (full pass, chunks of %d): %,d invoices, problems %s, %,d bytes "
                    + "in %.1f s; %s%n", round, LedgerReconciliationService.CHUNK, summary.invoices(),
                    summary.problems(), csvOut.bytes, seconds(start), heap());
        }
        System.out.printf("max heap %d MiB%n", Runtime.getRuntime().maxMemory() >> 20);
    }

    private interface CsvWrite {
        void run() throws IOException;
    }

    private static void write(CsvWrite write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Invoices {@code B-000001...} one a minute from 2026-01-01, half paid; every posting succeeded, recorded and in
     * the ledger, except: every 10,000th invoice's receivable missing from the ledger, every 10,000th (offset 5,000)
     * at another amount, and 5 ledger entries for invoices the hub never had.
     */
    private static void load(HikariDataSource ds, int n) throws Exception {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement inv = c.prepareStatement("INSERT INTO invoices (invoice_id, customer_id, "
                    + "customer_name, currency, amount_minor, description, content_hash, status, payment_succeeded, "
                    + "created_at, updated_at) VALUES (?, 'C-1', 'Bench', 'USD', ?, 'bench', 'h', ?, ?, ?, ?)");
                 PreparedStatement key = c.prepareStatement("INSERT INTO idempotency_keys (idempotency_key, "
                         + "invoice_id, action, channel, status, attempts, parameters, created_at, completed_at) "
                         + "VALUES (?, ?, ?, 'accounting', 'succeeded', 1, '{}', ?, ?)");
                 PreparedStatement post = c.prepareStatement("INSERT INTO accounting_posts (invoice_id, "
                         + "idempotency_key, backend, journal_ref, currency, amount_minor, debit_account, "
                         + "credit_account, status, retries, created_at, updated_at) VALUES (?, ?, 'sandbox', ?, "
                         + "'USD', ?, 'd', 'c', 'succeeded', 0, ?, ?)");
                 PreparedStatement ledger = c.prepareStatement("INSERT INTO sandbox_ledger_transactions "
                         + "(idempotency_key, currency, amount_minor, debit_account, credit_account, description, "
                         + "posted_at) VALUES (?, 'USD', ?, 'd', 'c', ?, ?)")) {
                for (int i = 1; i <= n; i++) {
                    String id = String.format("B-%06d", i);
                    long amount = 1000 + i % 9000;
                    boolean paid = i % 2 == 0;
                    Timestamp at = Timestamp.from(start.plusSeconds(60L * i));
                    inv.setString(1, id);
                    inv.setLong(2, amount);
                    inv.setString(3, paid ? "paid" : "issued");
                    inv.setBoolean(4, paid);
                    inv.setTimestamp(5, at);
                    inv.setTimestamp(6, at);
                    inv.addBatch();
                    posting(key, post, ledger, id, id + ":post-invoice", "post-invoice", amount, at,
                            i % 10_000 == 0 ? -1 : i % 10_000 == 5_000 ? amount + 1 : amount);
                    if (paid) {
                        posting(key, post, ledger, id, id + ":post-payment", "post-payment", amount, at, amount);
                    }
                    if (i % 2_000 == 0) {
                        for (PreparedStatement s : new PreparedStatement[]{inv, key, post, ledger}) {
                            s.executeBatch();
                        }
                        c.commit();
                    }
                }
                for (int g = 1; g <= 5; g++) {
                    ledger.setString(1, "GHOST-" + g + ":post-invoice");
                    ledger.setLong(2, 100);
                    ledger.setString(3, "by hand");
                    ledger.setTimestamp(4, Timestamp.from(start));
                    ledger.addBatch();
                }
                for (PreparedStatement s : new PreparedStatement[]{inv, key, post, ledger}) {
                    s.executeBatch();
                }
                c.commit();
            }
        }
    }

    /** @param inLedger the ledger's amount, -1 for none */
    private static void posting(PreparedStatement key, PreparedStatement post, PreparedStatement ledger, String id,
                                String k, String action, long amount, Timestamp at, long inLedger) throws Exception {
        key.setString(1, k);
        key.setString(2, id);
        key.setString(3, action);
        key.setTimestamp(4, at);
        key.setTimestamp(5, at);
        key.addBatch();
        post.setString(1, id);
        post.setString(2, k);
        post.setString(3, "sandbox-" + k);
        post.setLong(4, amount);
        post.setTimestamp(5, at);
        post.setTimestamp(6, at);
        post.addBatch();
        if (inLedger >= 0) {
            ledger.setString(1, k);
            ledger.setLong(2, inLedger);
            ledger.setString(3, "Invoice " + id);
            ledger.setTimestamp(4, at);
            ledger.addBatch();
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Records the heap in use right after every collection: what was live, without the garbage. */
    private static void watchCollections() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    return;
                }
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                        (CompositeData) notification.getUserData());
                long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(e -> HEAP_POOLS.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                LIVE_AFTER_GC.accumulateAndGet(used, Math::max);
            }, null, null);
        }
    }

    private static void resetPeaks() {
        LIVE_AFTER_GC.set(0);
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static String heap() {
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return String.format("heap: largest after a GC %.1f MiB, pools' peak (with garbage) %.1f MiB",
                LIVE_AFTER_GC.get() / 1048576.0, peak / 1048576.0);
    }

    /** Counts what is written and keeps none of it, as a client reading the answer would. */
    private static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
