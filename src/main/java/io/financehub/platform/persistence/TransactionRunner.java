package io.financehub.platform.persistence;

import java.util.function.Supplier;

/** Runs work in one database transaction: all of it commits, or none of it. */
public interface TransactionRunner {

    <T> T inTransaction(Supplier<T> work);

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
