package io.financehub.support;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database the integration tests run against. On PostgreSQL every application context gets a fresh schema
 * ({@code hub_it_1}, {@code hub_it_2}, ...; the previous run's are dropped first), so a run starts from the migrations
 * alone and contexts stay as separate as their H2 files.
 */
public enum TestDatabase {
    H2, POSTGRES;

    public static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    /** {@code -Dhub.it.postgres-schema=...} lets runs from several worktrees share one PostgreSQL side by side. */
    public static final String POSTGRES_SCHEMA = System.getProperty("hub.it.postgres-schema", "hub_it");
    private static final AtomicInteger CONTEXTS = new AtomicInteger();
    private static boolean schemaReset;

    public static TestDatabase current() {
        return "postgres".equalsIgnoreCase(System.getProperty("hub.it.database", "h2")) ? POSTGRES : H2;
    }

    void register(DynamicPropertyRegistry registry) {
        if (this == H2) {
            return;
        }
        // a schema per application context, as each H2 context has its own file: contexts configured with other
        // vendors (sandbox, WireMock, hledger-web) must not run each other's side effects through a shared outbox
        String schema = newSchema();
        registry.add("spring.datasource.url", () -> POSTGRES_URL + "?currentSchema=" + schema);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.flyway.schemas", () -> schema);
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> 10);
        // Spring keeps up to 32 test contexts alive; with Hikari's default minimum-idle (= the pool size) each would
        // hold 10 connections and a few dozen contexts exhaust PostgreSQL's 100 ("sorry, too many clients already").
        // A context not in use shrinks to one connection after 10 s.
        registry.add("spring.datasource.hikari.minimum-idle", () -> 1);
        registry.add("spring.datasource.hikari.idle-timeout", () -> 10_000);
    }

    /** A fresh, empty schema on the test PostgreSQL (the previous run's are dropped first). */
    public static synchronized String newSchema() {
        try (Connection c = DriverManager.getConnection(POSTGRES_URL, "postgres", "");
             Statement s = c.createStatement()) {
            if (!schemaReset) {
                // what earlier runs of this JVM's kind left behind
                List<String> old = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT schema_name FROM information_schema.schemata "
                        + "WHERE schema_name = '" + POSTGRES_SCHEMA + "' OR schema_name LIKE '" + POSTGRES_SCHEMA + "\\_%'")) {
                    while (rs.next()) {
                        old.add(rs.getString(1));
                    }
                }
                for (String name : old) {
                    s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
                }
                schemaReset = true;
            }
            String schema = POSTGRES_SCHEMA + "_" + CONTEXTS.incrementAndGet();
            s.execute("CREATE SCHEMA " + schema);
            return schema;
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + POSTGRES_URL + " is needed for the postgres test run", e);
        }
    }
}
