package dev.taskline.persistence.jooq;

import org.jooq.ConnectionProvider;
import org.jooq.exception.DataAccessException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The jOOQ {@link ConnectionProvider} of the repositories: a connection of the pool for each use
 * (auto-commit: a single statement is its own transaction), unless the current thread has
 * <em>reserved</em> one for a transaction, which it then gets every time and which a release
 * leaves open.
 *
 * <p>{@link JooqTransactionRunner} takes the connection from the pool itself (one bounded wait,
 * and no transaction at all if it fails), reserves it for the thread and runs the transaction on
 * it; the repositories, which only know their {@code DSLContext}, join it.
 */
final class ReservableConnectionProvider implements ConnectionProvider {
    private final DataSource dataSource;
    private final LentConnectionWatchdog watchdog;
    private final ThreadLocal<Connection> reserved = new ThreadLocal<>();

    ReservableConnectionProvider(DataSource dataSource, LentConnectionWatchdog watchdog) {
        this.dataSource = dataSource;
        this.watchdog = watchdog;
    }

    /**
     * A connection of the pool, not reserved: one bounded wait for it, then an SQLException. It is
     * watched until {@link #giveBack} (see {@link LentConnectionWatchdog}).
     */
    Connection borrow() throws SQLException {
        Connection connection = dataSource.getConnection();
        watchdog.lent(connection);
        return connection;
    }

    /** Back to the pool: the end of a loan that {@link #borrow()} began. */
    void giveBack(Connection connection) throws SQLException {
        watchdog.returned(connection);
        connection.close();
    }

    /** The connection this thread has reserved (it is inside a transaction), or null. */
    Connection reserved() {
        return reserved.get();
    }

    /** Until {@link #unreserve()}, this thread gets {@code connection} from {@link #acquire()}. */
    void reserve(Connection connection) {
        if (reserved.get() != null) {
            throw new IllegalStateException("this thread has already reserved a connection");
        }
        reserved.set(connection);
    }

    void unreserve() {
        reserved.remove();
    }

    @Override
    public Connection acquire() {
        Connection connection = reserved.get();
        if (connection != null) {
            return connection;
        }
        try {
            return borrow();
        } catch (SQLException e) {
            throw new DataAccessException("could not get a database connection", e);
        }
    }

    @Override
    public void release(Connection connection) {
        if (connection == reserved.get()) {
            return; // the reserving transaction gives it back
        }
        try {
            giveBack(connection);
        } catch (SQLException e) {
            throw new DataAccessException("could not give back a database connection", e);
        }
    }
}
