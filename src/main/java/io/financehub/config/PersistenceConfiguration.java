package io.financehub.config;

import io.financehub.adapter.out.persistence.JdbcAccountingPostLog;
import io.financehub.adapter.out.persistence.JdbcAuditLog;
import io.financehub.adapter.out.persistence.JdbcDeadLetterStore;
import io.financehub.adapter.out.persistence.JdbcInvoiceRepository;
import io.financehub.adapter.out.persistence.JdbcPaymentAttemptLog;
import io.financehub.adapter.out.persistence.JdbcReconciliationReadModel;
import io.financehub.adapter.out.persistence.JdbcRefundLedger;
import io.financehub.adapter.out.persistence.JdbcSmsDeliveryLog;
import io.financehub.adapter.out.persistence.JdbcRouteExchangeLog;
import io.financehub.adapter.out.persistence.JdbcSideEffectRepository;
import io.financehub.adapter.out.persistence.JdbcSmsMessageLog;
import io.financehub.adapter.out.persistence.JdbcTimelineReadModel;
import io.financehub.adapter.out.persistence.SpringTransactionRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The JDBC adapters behind the persistence ports (H2 by default, PostgreSQL in production). */
@Configuration
public class PersistenceConfiguration {

    @Bean
    SpringTransactionRunner transactionRunner(PlatformTransactionManager transactionManager) {
        return new SpringTransactionRunner(new TransactionTemplate(transactionManager));
    }

    @Bean
    JdbcInvoiceRepository invoiceRepository(JdbcTemplate jdbc) {
        return new JdbcInvoiceRepository(jdbc);
    }

    @Bean
    JdbcSideEffectRepository sideEffectRepository(JdbcTemplate jdbc) {
        return new JdbcSideEffectRepository(jdbc);
    }

    @Bean
    JdbcAuditLog auditLog(JdbcTemplate jdbc) {
        return new JdbcAuditLog(jdbc);
    }

    @Bean
    JdbcPaymentAttemptLog paymentAttemptLog(JdbcTemplate jdbc) {
        return new JdbcPaymentAttemptLog(jdbc);
    }

    @Bean
    JdbcAccountingPostLog accountingPostLog(JdbcTemplate jdbc) {
        return new JdbcAccountingPostLog(jdbc);
    }

    @Bean
    JdbcSmsMessageLog smsMessageLog(JdbcTemplate jdbc) {
        return new JdbcSmsMessageLog(jdbc);
    }

    @Bean
    JdbcDeadLetterStore deadLetterStore(JdbcTemplate jdbc) {
        return new JdbcDeadLetterStore(jdbc);
    }

    @Bean
    JdbcTimelineReadModel timelineReadModel(JdbcTemplate jdbc) {
        return new JdbcTimelineReadModel(jdbc);
    }

    @Bean
    JdbcRefundLedger refundLedger(JdbcTemplate jdbc) {
        return new JdbcRefundLedger(jdbc);
    }

    @Bean
    JdbcSmsDeliveryLog smsDeliveryLog(JdbcTemplate jdbc) {
        return new JdbcSmsDeliveryLog(jdbc);
    }

    @Bean
    JdbcReconciliationReadModel reconciliationReadModel(JdbcTemplate jdbc) {
        return new JdbcReconciliationReadModel(jdbc);
    }

    /** Named for the routes' wire tap: {@code bean: {ref: routeExchangeLog}}. */
    @Bean
    JdbcRouteExchangeLog routeExchangeLog(JdbcTemplate jdbc) {
        return new JdbcRouteExchangeLog(jdbc);
    }
}
