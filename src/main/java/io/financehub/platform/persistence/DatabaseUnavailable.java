package io.financehub.platform.persistence;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionTimedOutException;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means the database cannot be reached or did not answer in time (rather than refused a
 * statement): no connection from the pool within its connection timeout, a connection lost mid-statement, a
 * statement or transaction past its timeout. Such a request did not happen and can be made again later, so the
 * HTTP answer is 503 with {@code Retry-After}, never a 500.
 */
public final class DatabaseUnavailable {

    /** Seconds a client is asked to wait before trying again (the pool reconnects within a few seconds). */
    public static final int RETRY_AFTER_SECONDS = 5;
    /** H2's error code (and SQLSTATE) for an I/O failure. */
    private static final String H2_IO_EXCEPTION = "90028";

    private DatabaseUnavailable() {
    }

    /** {@code true} when {@code failure} or one of its causes says the database is out of reach. */
    public static boolean explains(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
                    || t instanceof QueryTimeoutException || t instanceof CannotCreateTransactionException
                    || t instanceof TransactionTimedOutException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SQLTimeoutException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            // SQLSTATE class 08: connection exception (PostgreSQL's driver on a broken or timed-out socket);
            // 57014: statement cancelled by its timeout
            if (t instanceof SQLException sql && (lostLink(sql) || sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().equals("57014")))) {
                return true;
            }
        }
        return false;
    }

    /**
     * H2's TCP client when the socket to its server broke under a statement: error 90028 ("IO Exception") caused by
     * an {@link IOException} (an {@code EOFException}, a reset), not by a bad file name or a full disk on the
     * server. The connection is dead; the driver does not say so in the SQLSTATE (class 08) the pool looks for.
     */
    static boolean lostLink(SQLException e) {
        return H2_IO_EXCEPTION.equals(e.getSQLState()) && e.getCause() instanceof IOException;
    }
}
