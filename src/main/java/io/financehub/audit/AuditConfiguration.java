package io.financehub.audit;

import io.financehub.audit.adapter.JdbcAuditLog;
import io.financehub.audit.adapter.JdbcRouteExchangeLog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/** The audit tables: inbound commands, and every routed exchange (the routes' wire tap). */
@Configuration
// adapters whose only constructor takes beans Spring already has (JdbcTemplate, ProducerTemplate)
@Import({JdbcAuditLog.class})
public class AuditConfiguration {

    /** Named for the routes' wire tap: {@code bean: {ref: routeExchangeLog}}. */
    @Bean
    JdbcRouteExchangeLog routeExchangeLog(JdbcTemplate jdbc) {
        return new JdbcRouteExchangeLog(jdbc);
    }
}
