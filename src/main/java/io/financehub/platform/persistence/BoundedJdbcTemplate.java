package io.financehub.platform.persistence;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A {@link JdbcTemplate} for the statements a request waits on (webhook intake, the invoice API): each is bounded
 * by {@code HUB_DATABASE_REQUEST_TIMEOUT} twice over. The statement's query timeout covers a database that is
 * there but slow (a lock, a busy server); the connection's network timeout covers one that stopped answering
 * (a stalled network, a frozen server, a fail-over), which a query timeout cannot: its cancel request goes through
 * the same silent network. PostgreSQL's driver then fails the read and the pool drops the connection; the pool
 * restores the connection's own network timeout when it is returned, so the bound never leaks to other work.
 * Drivers without network timeouts (embedded H2) keep the query timeout.
 */
public class BoundedJdbcTemplate extends JdbcTemplate {

    private final int timeoutMillis;

    public BoundedJdbcTemplate(DataSource dataSource, Duration timeout) {
        super(dataSource);
        this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
    }

    @Override
    protected void applyStatementSettings(Statement statement) throws SQLException {
        super.applyStatementSettings(statement);
        try {
            statement.getConnection().setNetworkTimeout(Runnable::run, timeoutMillis);
        } catch (java.sql.SQLFeatureNotSupportedException | UnsupportedOperationException e) {
            // the driver has no network timeout: the query timeout alone bounds the statement
        }
    }
}
