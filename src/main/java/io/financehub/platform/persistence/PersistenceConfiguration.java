package io.financehub.platform.persistence;

import io.financehub.ledger.adapter.JdbcAccountingPostLog;
import io.financehub.audit.adapter.JdbcAuditLog;
import io.financehub.sideeffect.adapter.JdbcDeadLetterStore;
import io.financehub.invoice.adapter.JdbcInvoiceRepository;
import io.financehub.payment.adapter.JdbcPaymentAttemptLog;
import io.financehub.ledger.adapter.JdbcReconciliationReadModel;
import io.financehub.payment.adapter.JdbcRefundLedger;
import io.financehub.sms.adapter.JdbcSmsDeliveryLog;
import io.financehub.audit.adapter.JdbcRouteExchangeLog;
import io.financehub.sideeffect.adapter.JdbcSideEffectRepository;
import io.financehub.sms.adapter.JdbcSmsMessageLog;
import io.financehub.invoice.adapter.JdbcTimelineReadModel;
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
