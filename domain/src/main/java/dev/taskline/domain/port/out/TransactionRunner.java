package dev.taskline.domain.port.out;

import java.util.function.Supplier;

/**
 * Runs work in one database transaction: committed when it returns, rolled back when it throws
 * (the exception then propagates unchanged). Not a lambda target: the method is generic.
 */
public interface TransactionRunner {

    <T> T inTransaction(Supplier<T> work);

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
