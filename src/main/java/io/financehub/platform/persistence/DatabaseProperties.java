package io.financehub.platform.persistence;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How long a request waits on the database.
 *
 * @param requestTimeout the bound of each statement a request waits on — webhook intake, the invoice API
 *                       ({@code HUB_DATABASE_REQUEST_TIMEOUT}); with the pool's connection timeout
 *                       ({@code spring.datasource.hikari.connection-timeout}) it bounds how long such a request
 *                       waits before its 503 when the database is out of reach (see {@link BoundedJdbcTemplate})
 */
@ConfigurationProperties(prefix = "hub.database")
public record DatabaseProperties(Duration requestTimeout) {

    public DatabaseProperties {
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(3) : requestTimeout;
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("hub.database.request-timeout must be positive, not " + requestTimeout);
        }
    }
}
