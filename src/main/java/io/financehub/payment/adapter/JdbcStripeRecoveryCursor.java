package io.financehub.payment.adapter;

import io.financehub.payment.application.StripeRecoveryCursor;
import io.financehub.platform.persistence.SqlTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** {@link StripeRecoveryCursor} as the row {@code stripe-events} of {@code vendor_recovery_cursors}. */
public class JdbcStripeRecoveryCursor implements StripeRecoveryCursor {

    static final String NAME = "stripe-events";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public JdbcStripeRecoveryCursor(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<Instant> coveredUntil() {
        return jdbc.query("SELECT covered_until FROM vendor_recovery_cursors WHERE cursor_name = ?",
                (rs, i) -> SqlTime.read(rs, "covered_until"), NAME).stream().findFirst();
    }

    @Override
    public void advance(Instant until) {
        // forward only, in the statement itself: a replica finishing an older run cannot move it back
        if (update(until) == 0) {
            try {
                jdbc.update("INSERT INTO vendor_recovery_cursors (cursor_name, covered_until, updated_at) "
                        + "VALUES (?, ?, ?) ON CONFLICT DO NOTHING", NAME, SqlTime.of(until),
                        SqlTime.of(clock.instant()));
            } catch (DuplicateKeyException e) {
                // H2 reports a concurrent insert of the same key this way; the other replica's row is there now
                update(until);
            }
        }
    }

    private int update(Instant until) {
        return jdbc.update("UPDATE vendor_recovery_cursors SET covered_until = ?, updated_at = ? "
                + "WHERE cursor_name = ? AND covered_until <= ?", SqlTime.of(until), SqlTime.of(clock.instant()),
                NAME, SqlTime.of(until));
    }
}
