package io.financehub.platform.persistence;

import com.zaxxer.hikari.SQLExceptionOverride;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;

/**
 * Tells the connection pool (HikariCP, {@code spring.datasource.hikari.exception-override-class-name}) to drop a
 * connection whose driver says it is lost for good ({@link SQLNonTransientConnectionException}), whatever its
 * SQLSTATE. The pool drops a connection by itself on SQLSTATE class 08 (PostgreSQL's driver), but H2's client reports
 * a broken link as "database is already closed" (90121): without this such a connection, in constant use and so
 * never re-validated, would be lent on and fail forever after the database is back. The same for an H2 connection
 * whose socket closed under a statement ({@link DatabaseUnavailable#lostLink}).
 */
public class LostConnectionEviction implements SQLExceptionOverride {

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        return e instanceof SQLNonTransientConnectionException || DatabaseUnavailable.lostLink(e)
                ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
