package io.financehub.support;

import io.financehub.platform.persistence.TransactionRunner;

import java.util.function.Supplier;

/** A {@link TransactionRunner} for unit tests of application services: runs the work at once, no database. */
public final class DirectTransactions implements TransactionRunner {
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
