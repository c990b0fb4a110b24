package io.financehub.support;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database the integration tests run against. PostgreSQL tests use a schema of their own, dropped and
 * re-created once per test JVM, so a run starts from the migrations alone.
 */
public enum TestDatabase {
    H2, POSTGRES;

    public static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";
    /** {@code -Dhub.it.postgres-schema=...} gives a run a schema of its own (parallel runs on one server). */
    public static final String POSTGRES_SCHEMA = System.getProperty("hub.it.postgres-schema", "hub_it");
    private static volatile boolean schemaReset;

    public static TestDatabase current() {
        return "postgres".equalsIgnoreCase(System.getProperty("hub.it.database", "h2")) ? POSTGRES : H2;
    }

    void register(DynamicPropertyRegistry registry) {
        if (this == H2) {
            return;
        }
        resetSchemaOnce();
        registry.add("spring.datasource.url", () -> POSTGRES_URL + "?currentSchema=" + POSTGRES_SCHEMA);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.flyway.schemas", () -> POSTGRES_SCHEMA);
        registry.add("spring.datasource.hikari.maximum-pool-size", () -> 10);
    }

    private static synchronized void resetSchemaOnce() {
        if (schemaReset) {
            return;
        }
        try (Connection c = DriverManager.getConnection(POSTGRES_URL, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + POSTGRES_SCHEMA + " CASCADE");
            s.execute("CREATE SCHEMA " + POSTGRES_SCHEMA);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + POSTGRES_URL + " is needed for the postgres test run", e);
        }
        schemaReset = true;
    }
}
