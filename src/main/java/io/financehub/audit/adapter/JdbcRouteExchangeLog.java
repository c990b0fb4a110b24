package io.financehub.audit.adapter;

import io.financehub.platform.persistence.SqlTime;
import io.financehub.platform.persistence.Text;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;

/**
 * Target of the routes' wire tap: one {@code route_exchanges} row per exchange a route handled. It runs on the
 * wire tap's own thread, outside the route's transaction, so it never holds up or rolls back the route.
 */
public class JdbcRouteExchangeLog {

    private final JdbcTemplate jdbc;

    public JdbcRouteExchangeLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String routeId, String exchangeId, String correlationKey, String body) {
        jdbc.update("INSERT INTO route_exchanges (route_id, exchange_id, correlation_key, body, recorded_at) "
                        + "VALUES (?, ?, ?, ?, ?)", Text.clip(routeId == null ? "unknown" : routeId, 128),
                Text.clip(exchangeId, 128), Text.clip(correlationKey, 400), Text.clip(body, 4000),
                SqlTime.of(Instant.now()));
    }
}
