package io.financehub.audit;

import io.financehub.audit.adapter.JdbcAuditLog;
import io.financehub.audit.adapter.JdbcRouteExchangeLog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The audit tables: inbound commands, and every routed exchange (the routes' wire tap). */
@Configuration
public class AuditConfiguration {

    @Bean
    JdbcAuditLog auditLog(JdbcTemplate jdbc) {
        return new JdbcAuditLog(jdbc);
    }

    /** Named for the routes' wire tap: {@code bean: {ref: routeExchangeLog}}. */
    @Bean
    JdbcRouteExchangeLog routeExchangeLog(JdbcTemplate jdbc) {
        return new JdbcRouteExchangeLog(jdbc);
    }
}
