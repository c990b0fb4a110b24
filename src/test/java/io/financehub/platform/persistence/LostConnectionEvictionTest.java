package io.financehub.platform.persistence;

import com.zaxxer.hikari.SQLExceptionOverride.Override;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class LostConnectionEvictionTest {

    final LostConnectionEviction eviction = new LostConnectionEviction();

    @Test
    void aConnectionTheDriverReportsLostIsDroppedWhateverItsSqlState() {
        // H2's client on a broken link: "Database is already closed", error 90121
        assertThat(eviction.adjudicate(new SQLNonTransientConnectionException("Database is already closed", "90121")))
                .isEqualTo(Override.MUST_EVICT);
    }

    @Test
    void anH2ConnectionWhoseSocketClosedMidStatementIsDropped() {
        assertThat(eviction.adjudicate(DatabaseUnavailableTest.h2IoException(new EOFException())))
                .isEqualTo(Override.MUST_EVICT);
    }

    @Test
    void anyOtherFailureIsLeftToThePool() {
        assertThat(eviction.adjudicate(new SQLException("duplicate key", "23505"))).isEqualTo(Override.CONTINUE_EVICT);
    }
}
