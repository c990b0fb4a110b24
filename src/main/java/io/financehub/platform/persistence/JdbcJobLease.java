package io.financehub.platform.persistence;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

/**
 * {@link JobLease} on the {@code job_leases} table: a conditional {@code UPDATE} takes an expired (or one's own)
 * lease; the first ever taker inserts the row, and of two inserting at once the primary key lets one win. Both
 * statements read the time from the database ({@link SqlTime}), the same on H2 and PostgreSQL.
 */
public class JdbcJobLease implements JobLease {

    private final JdbcTemplate jdbc;

    public JdbcJobLease(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean tryAcquire(String job, String owner, Duration ttl) {
        if (jdbc.update("UPDATE job_leases SET owner = ?, expires_at = " + SqlTime.DB_NOW_PLUS + " WHERE job = ? "
                        + "AND (owner = ? OR expires_at <= " + SqlTime.DB_NOW + ")",
                owner, SqlTime.millis(ttl), job, owner) == 1) {
            return true;
        }
        try {
            return jdbc.update("INSERT INTO job_leases (job, owner, expires_at) VALUES (?, ?, " + SqlTime.DB_NOW_PLUS
                    + ") ON CONFLICT DO NOTHING", job, owner, SqlTime.millis(ttl)) == 1;
        } catch (DuplicateKeyException e) {
            // H2 reports a concurrent insert of the same key this way instead of doing nothing
            return false;
        }
    }

    @Override
    public boolean renew(String job, String owner, Duration ttl) {
        return jdbc.update("UPDATE job_leases SET expires_at = " + SqlTime.DB_NOW_PLUS + " WHERE job = ? AND owner = ?",
                SqlTime.millis(ttl), job, owner) == 1;
    }
}
