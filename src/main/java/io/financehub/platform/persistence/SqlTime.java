package io.financehub.platform.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants to and from {@code TIMESTAMP WITH TIME ZONE}, the same way on H2 and PostgreSQL; and the database's own
 * clock for whatever replicas compare with one another (claims, leases, relay ages): a replica whose clock runs
 * ahead or behind would otherwise take over live claims or leave dead ones. {@code CURRENT_TIMESTAMP} is a
 * {@code TIMESTAMP WITH TIME ZONE} on both, so it compares with the columns as instants, whatever the session's
 * time zone. On PostgreSQL it is the start of the transaction, which errs towards younger claims, the safe side.
 */
public final class SqlTime {

    /** The database's now. */
    public static final String DB_NOW = "CURRENT_TIMESTAMP";
    /** The database's now minus {@link #millis bound milliseconds}. */
    public static final String DB_NOW_MINUS = "(CURRENT_TIMESTAMP - CAST(? AS BIGINT) * INTERVAL '0.001' SECOND)";
    /** The database's now plus {@link #millis bound milliseconds}. */
    public static final String DB_NOW_PLUS = "(CURRENT_TIMESTAMP + CAST(? AS BIGINT) * INTERVAL '0.001' SECOND)";

    private SqlTime() {
    }

    public static OffsetDateTime of(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** The parameter of {@link #DB_NOW_MINUS} and {@link #DB_NOW_PLUS}. */
    public static long millis(Duration duration) {
        return duration.toMillis();
    }

    public static Instant read(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
