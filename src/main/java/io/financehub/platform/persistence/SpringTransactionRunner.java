package io.financehub.platform.persistence;

import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/** {@link TransactionRunner} on Spring's transaction template (the JDBC data source's transactions). */
public class SpringTransactionRunner implements TransactionRunner {

    private final TransactionTemplate template;

    public SpringTransactionRunner(TransactionTemplate template) {
        this.template = template;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return template.execute(status -> work.get());
    }
}
