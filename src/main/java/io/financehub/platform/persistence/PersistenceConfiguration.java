package io.financehub.platform.persistence;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The transactions the application services run in (the capabilities wire their JDBC adapters themselves). */
@Configuration
public class PersistenceConfiguration {

    @Bean
    SpringTransactionRunner transactionRunner(PlatformTransactionManager transactionManager) {
        return new SpringTransactionRunner(new TransactionTemplate(transactionManager));
    }
}
