package io.financehub.platform.persistence;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A {@link JdbcTemplate} for the statements a request waits on (webhook intake, the invoice API): each is bounded
 * by {@code HUB_DATABASE_REQUEST_TIMEOUT}. The bound is the connection's network timeout: no answer within it — a
 * slow statement, a stalled network, a frozen server, a fail-over — fails the read, PostgreSQL's driver closes the
 * connection and the pool drops it; the pool restores the connection's own network timeout when it is returned, so
 * the bound never leaks to other work. The statement's query timeout, a second longer, is the bound of drivers
 * without a network timeout (embedded H2). It must not be the first to fire on PostgreSQL: its cancel request goes
 * out on a new connection through the same silent network, and the statement waits for that cancel to finish
 * (measured: 8 s, the whole stall, instead of 3).
 */
public class BoundedJdbcTemplate extends JdbcTemplate {

    private final int timeoutMillis;

    public BoundedJdbcTemplate(DataSource dataSource, Duration timeout) {
        super(dataSource);
        this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
        setQueryTimeout((int) Math.max(1, timeout.toSeconds()) + 1);
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
