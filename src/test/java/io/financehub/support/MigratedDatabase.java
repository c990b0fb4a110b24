package io.financehub.support;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;

/**
 * The hub's schema, migrated by Flyway, on the database {@code hub.it.database} names (H2 in PostgreSQL mode, as
 * the hub runs it, or a fresh PostgreSQL schema), without the rest of the hub: for repository-level tests whose
 * rows no relay or worker may touch.
 */
public final class MigratedDatabase implements AutoCloseable {

    private final HikariDataSource dataSource = new HikariDataSource();
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public MigratedDatabase() {
        String schema = null;
        if (TestDatabase.current() == TestDatabase.POSTGRES) {
            schema = TestDatabase.newSchema();
            dataSource.setJdbcUrl(TestDatabase.POSTGRES_URL + "?currentSchema=" + schema);
            dataSource.setUsername("postgres");
        } else {
            dataSource.setJdbcUrl("jdbc:h2:mem:repo-" + UUID.randomUUID() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
            dataSource.setUsername("sa");
        }
        dataSource.setPassword("");
        dataSource.setMaximumPoolSize(4);
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        if (schema != null) {
            flyway.schemas(schema);
        }
        flyway.load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public TransactionTemplate transactions() {
        return transactions;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
