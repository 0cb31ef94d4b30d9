package dev.taskline.persistence.jooq;

import dev.taskline.domain.error.DomainException;
import dev.taskline.domain.port.out.TransactionRunner;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.function.Supplier;

/**
 * Runs work in one database transaction on a connection reserved for the thread (see
 * {@link ReservableConnectionProvider}): every repository call made by {@code work} joins it
 * without passing a connection around; a nested call becomes a savepoint.
 *
 * <p>The connection is taken from the pool first: when the database is unreachable the caller
 * waits once for the pool's connection timeout and gets {@code Unavailable}, and the work never
 * starts. Begin, commit and rollback are plain JDBC rather than jOOQ's transaction provider, which
 * asked the server for the isolation level on every transaction: a round trip per request
 * (docs/benchmarks.md). pgjdbc sends the BEGIN together with the first statement.
 */
final class JooqTransactionRunner implements TransactionRunner {
    private static final Logger log = LoggerFactory.getLogger(JooqTransactionRunner.class);

    private final ReservableConnectionProvider connections;

    JooqTransactionRunner(ReservableConnectionProvider connections) {
        this.connections = connections;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Connection joined = connections.reserved();
        if (joined != null) {
            return inSavepoint(joined, work);
        }
        Connection connection = borrow();
        connections.reserve(connection);
        try {
            connection.setAutoCommit(false);
            T result = work.get();
            connection.commit();
            return result;
        } catch (SQLException e) {
            rollback(connection);
            throw DatabaseErrors.translateOrKeep(new DataAccessException("the transaction could not complete", e));
        } catch (RuntimeException | Error e) {
            rollback(connection);
            throw e;
        } finally {
            connections.unreserve();
            giveBack(connection);
        }
    }

    private static <T> T inSavepoint(Connection connection, Supplier<T> work) {
        Savepoint savepoint = call(connection::setSavepoint);
        try {
            T result = work.get();
            call(() -> {
                connection.releaseSavepoint(savepoint);
                return null;
            });
            return result;
        } catch (RuntimeException | Error e) {
            try {
                connection.rollback(savepoint);
            } catch (SQLException rollbackFailed) {
                e.addSuppressed(rollbackFailed);
            }
            throw e;
        }
    }

    private Connection borrow() {
        try {
            return connections.borrow();
        } catch (SQLException e) {
            throw DatabaseErrors.translateOrKeep(new DataAccessException("could not get a database connection", e));
        }
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException e) {
            log.debug("Rollback failed (the connection is probably gone): {}", e.toString());
        }
    }

    /** Back to the pool in auto-commit, as the repositories expect it outside transactions. */
    private void giveBack(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException | RuntimeException e) {
            log.debug("Could not restore auto-commit: {}", e.toString());
        }
        try {
            connections.giveBack(connection);
        } catch (SQLException | RuntimeException e) {
            log.warn("Could not give a connection back to the pool: {}", e.toString());
        }
    }

    private interface SqlCall<T> {
        T call() throws SQLException;
    }

    private static <T> T call(SqlCall<T> call) {
        try {
            return call.call();
        } catch (SQLException e) {
            throw DatabaseErrors.translateOrKeep(new DataAccessException("savepoint failed", e));
        }
    }
}
