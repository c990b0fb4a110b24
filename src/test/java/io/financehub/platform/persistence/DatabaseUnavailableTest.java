package io.financehub.platform.persistence;

import org.h2.jdbc.JdbcSQLNonTransientException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.io.EOFException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnavailableTest {

    @Test
    void noConnectionALostConnectionOrATimeoutMeanTheDatabaseIsOutOfReach() {
        assertThat(DatabaseUnavailable.explains(new CannotGetJdbcConnectionException("pool",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
        assertThat(DatabaseUnavailable.explains(new CannotCreateTransactionException("no connection"))).isTrue();
        assertThat(DatabaseUnavailable.explains(new QueryTimeoutException("cancelled"))).isTrue();
        // PostgreSQL's driver after its network timeout, untranslated (08006) and as Spring leaves it
        SQLException io = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        assertThat(DatabaseUnavailable.explains(io)).isTrue();
        assertThat(DatabaseUnavailable.explains(new UncategorizedSQLException("insert", "INSERT", io))).isTrue();
        assertThat(DatabaseUnavailable.explains(new IllegalStateException("wrapped",
                new SQLException("canceling statement due to statement timeout", "57014")))).isTrue();
    }

    @Test
    void h2sClientLosingItsLinkMidStatementIsOutOfReach() {
        // what the H2 TCP client throws when the server's socket closes under a running INSERT (seen in
        // DatabaseOutageIT as a 500): error 90028, an IOException as its cause
        SQLException eof = h2IoException(new EOFException());
        assertThat(DatabaseUnavailable.explains(new UncategorizedSQLException("insert", "INSERT", eof))).isTrue();
        assertThat(DatabaseUnavailable.lostLink(eof)).isTrue();
    }

    @Test
    void aStatementTheDatabaseRefusedIsNot() {
        assertThat(DatabaseUnavailable.explains(new DuplicateKeyException("dup"))).isFalse();
        assertThat(DatabaseUnavailable.explains(new DataIntegrityViolationException("too long"))).isFalse();
        assertThat(DatabaseUnavailable.explains(new BadSqlGrammarException("insert", "INSERT",
                new SQLException("syntax error", "42601")))).isFalse();
        assertThat(DatabaseUnavailable.explains(new IllegalStateException("a bug"))).isFalse();
        // error 90028 without an I/O cause is not a lost link
        assertThat(DatabaseUnavailable.lostLink(new SQLException("IO Exception: bad name", "90028", 90028))).isFalse();
    }

    static SQLException h2IoException(IOException cause) {
        return new JdbcSQLNonTransientException("IO Exception: \"" + cause + "\" [90028-232]", null, "90028",
                90028, cause, null);
    }
}
