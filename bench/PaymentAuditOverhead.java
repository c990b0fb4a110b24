import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.financehub.adapter.out.persistence.JdbcInvoiceRepository;
import io.financehub.adapter.out.persistence.JdbcPaymentAttemptLog;
import io.financehub.adapter.out.persistence.JdbcSideEffectRepository;
import io.financehub.adapter.out.persistence.SpringTransactionRunner;
import io.financehub.adapter.out.stripe.SandboxPaymentGateway;
import io.financehub.application.port.out.DeadLetterStore;
import io.financehub.application.port.out.PaymentAttemptLog;
import io.financehub.application.port.out.PaymentGateway;
import io.financehub.application.port.out.SideEffectQueue;
import io.financehub.application.port.out.VendorOutcome;
import io.financehub.application.service.PaymentIntentHandler;
import io.financehub.application.service.SideEffectExecutor;
import io.financehub.application.service.SideEffectPolicy;
import io.financehub.domain.model.Customer;
import io.financehub.domain.model.IdempotencyKey;
import io.financehub.domain.model.Invoice;
import io.financehub.domain.model.Money;
import io.financehub.domain.model.PaymentFacts;
import io.financehub.domain.model.SideEffectAction;
import io.financehub.domain.model.SideEffectChannel;
import io.financehub.domain.model.SideEffectStatus;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * How much the payment_attempts audit adds to the happy path of one payment side effect.
 *
 * Runs the hub's real SideEffectExecutor + PaymentIntentHandler + JDBC adapters + sandbox gateway against a real
 * database (the app's H2 file URL, or PostgreSQL when a JDBC URL is given), twice: once with JdbcPaymentAttemptLog
 * (an INSERT in the claim transaction, an UPDATE in the recording transaction), once with a PaymentAttemptLog that
 * writes nothing. Everything else (claim, record, invoice update, commits) is identical, so the difference of the
 * two is the audit's cost. Batches alternate A-B-B-A to cancel drift; a warm-up is discarded. No broker: the
 * executor's queue is not touched on the happy path.
 *
 * Usage: bench/audit-overhead.sh [jdbc-url user password]
 */
public class PaymentAuditOverhead {

    static final int WARMUP_PER_VARIANT = 1500;
    static final int MEASURED_PER_VARIANT = 4000;
    static final int BATCH = 250;

    public static void main(String[] args) throws Exception {
        HikariConfig config = new HikariConfig();
        String schema = null;
        if (args.length >= 1) {
            schema = "hub_bench_" + UUID.randomUUID().toString().substring(0, 8);
            config.setJdbcUrl(args[0] + (args[0].contains("?") ? "&" : "?") + "currentSchema=" + schema);
            config.setUsername(args.length > 1 ? args[1] : "postgres");
            config.setPassword(args.length > 2 ? args[2] : "");
        } else {
            String dir = Files.createTempDirectory("hub-bench-").toString();
            config.setJdbcUrl("jdbc:h2:file:" + dir + "/hub;MODE=PostgreSQL;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
            config.setUsername("sa");
            config.setPassword("");
        }
        config.setMaximumPoolSize(4);
        try (HikariDataSource ds = new HikariDataSource(config)) {
            var flyway = Flyway.configure().dataSource(ds).locations("classpath:db/migration");
            if (schema != null) {
                flyway.schemas(schema).createSchemas(true);
            }
            flyway.load().migrate();
            run(ds, config.getJdbcUrl());
            if (schema != null) {
                new JdbcTemplate(ds).execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    static void run(HikariDataSource ds, String url) {
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        var tx = new SpringTransactionRunner(new TransactionTemplate(new DataSourceTransactionManager(ds)));
        var invoices = new JdbcInvoiceRepository(jdbc);
        var sideEffects = new JdbcSideEffectRepository(jdbc);
        PaymentGateway gateway = new SandboxPaymentGateway();
        SideEffectPolicy policy = new SideEffectPolicy(Duration.ofMinutes(2), Duration.ofSeconds(30), 6,
                Duration.ofSeconds(2), Duration.ofMinutes(5));
        SideEffectQueue noQueue = new SideEffectQueue() {
            public void enqueue(SideEffectChannel channel, String key) { throw new IllegalStateException("not on the happy path"); }
            public void enqueueAfter(SideEffectChannel channel, String key, Duration delay) { throw new IllegalStateException("not on the happy path"); }
        };
        DeadLetterStore noDeadLetters = new DeadLetterStore() {
            public long record(NewDeadLetter d) { throw new IllegalStateException("not on the happy path"); }
            public List<DeadLetter> list(Long beforeId, int limit) { return List.of(); }
            public Optional<DeadLetter> find(long id) { return Optional.empty(); }
            public boolean markRetried(long id, Instant now) { return false; }
        };
        PaymentAttemptLog noAudit = new PaymentAttemptLog() {
            public void started(String invoiceId, String key, int attempt, String request) { }
            public void finished(String key, int attempt, VendorOutcome outcome, SideEffectStatus status) { }
        };
        var audited = new SideEffectExecutor(sideEffects, invoices, noQueue, noDeadLetters, tx, policy,
                Clock.systemUTC(), List.of(new PaymentIntentHandler(gateway, new JdbcPaymentAttemptLog(jdbc), invoices)));
        var unaudited = new SideEffectExecutor(sideEffects, invoices, noQueue, noDeadLetters, tx, policy,
                Clock.systemUTC(), List.of(new PaymentIntentHandler(gateway, noAudit, invoices)));

        String run = UUID.randomUUID().toString().substring(0, 6);
        measure(audited, unaudited, jdbc, invoices, sideEffects, tx, run + "w", WARMUP_PER_VARIANT);
        long[][] nanos = measure(audited, unaudited, jdbc, invoices, sideEffects, tx, run + "m", MEASURED_PER_VARIANT);

        long[] gatewayOnly = new long[MEASURED_PER_VARIANT];
        for (int i = 0; i < gatewayOnly.length; i++) {
            long t = System.nanoTime();
            gateway.createPaymentIntent(new PaymentGateway.PaymentIntentRequest("INV-g" + i, new Money(12500, "USD"),
                    "bench", "INV-g" + i + ":create-payment-intent"));
            gatewayOnly[i] = System.nanoTime() - t;
        }
        int rows = jdbc.queryForObject("SELECT COUNT(*) FROM payment_attempts WHERE invoice_id LIKE ?", Integer.class,
                "BA-" + run + "m%");

        System.out.printf("database: %s%n", url.replaceAll("password=[^&;]*", "password=***"));
        System.out.printf("executions per variant: %d (after %d warm-up), batches of %d, A-B-B-A order%n",
                MEASURED_PER_VARIANT, WARMUP_PER_VARIANT, BATCH);
        System.out.printf("payment_attempts rows written by the audited runs: %d%n", rows);
        print("executor, audited (payment_attempts INSERT + UPDATE)", nanos[0]);
        print("executor, audit off (no-op PaymentAttemptLog)     ", nanos[1]);
        print("sandbox gateway call alone                        ", gatewayOnly);
        double a = mean(nanos[0]);
        double u = mean(nanos[1]);
        System.out.printf("audit overhead: %+.1f us per payment (mean), %+.1f%% of the executor's time; "
                        + "median %+.1f us%n", (a - u) / 1000, 100 * (a - u) / u,
                (pct(nanos[0], 50) - pct(nanos[1], 50)) / 1000.0);
    }

    /** @return [audited nanos, unaudited nanos] */
    static long[][] measure(SideEffectExecutor audited, SideEffectExecutor unaudited, JdbcTemplate jdbc,
                            JdbcInvoiceRepository invoices, JdbcSideEffectRepository sideEffects,
                            SpringTransactionRunner tx, String run, int perVariant) {
        long[] a = new long[perVariant];
        long[] u = new long[perVariant];
        int ai = 0;
        int ui = 0;
        for (int batch = 0; ai < perVariant || ui < perVariant; batch++) {
            boolean auditedFirst = batch % 2 == 0;
            for (int half = 0; half < 2; half++) {
                boolean useAudited = (half == 0) == auditedFirst;
                int n = Math.min(BATCH, perVariant - (useAudited ? ai : ui));
                List<String> keys = prepare(invoices, sideEffects, tx, (useAudited ? "BA-" : "BU-") + run + "-" + batch, n);
                for (String key : keys) {
                    long t = System.nanoTime();
                    String result = (useAudited ? audited : unaudited).execute(key);
                    long elapsed = System.nanoTime() - t;
                    if (!"succeeded".equals(result)) {
                        throw new IllegalStateException(key + " ended " + result);
                    }
                    if (useAudited) {
                        a[ai++] = elapsed;
                    } else {
                        u[ui++] = elapsed;
                    }
                }
            }
        }
        return new long[][] {a, u};
    }

    static List<String> prepare(JdbcInvoiceRepository invoices, JdbcSideEffectRepository sideEffects,
                                SpringTransactionRunner tx, String prefix, int n) {
        List<String> keys = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        tx.inTransaction(() -> {
            for (int i = 0; i < n; i++) {
                String id = prefix + "-" + i;
                invoices.insertIfAbsent(new Invoice(id, new Customer("C-1", "Bench", null), new Money(12500, "USD"),
                        "bench", "hash", PaymentFacts.NONE, now));
                IdempotencyKey key = IdempotencyKey.of(id, SideEffectAction.CREATE_PAYMENT_INTENT);
                sideEffects.createIfAbsent(key, Map.of(), now);
                keys.add(key.value());
            }
        });
        return keys;
    }

    static void print(String label, long[] nanos) {
        System.out.printf("%s  mean %7.1f us  p50 %7.1f  p95 %7.1f  p99 %7.1f%n", label, mean(nanos) / 1000,
                pct(nanos, 50) / 1000.0, pct(nanos, 95) / 1000.0, pct(nanos, 99) / 1000.0);
    }

    static double mean(long[] v) {
        return Arrays.stream(v).average().orElse(0);
    }

    static long pct(long[] v, int p) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }
}
