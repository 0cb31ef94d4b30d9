package dev.taskline.bootstrap.faults;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A lock on a table, taken by the test on a connection of its own and held until {@link #close()}:
 * how a test makes the server's statements slow without any test-only code in the server (they
 * wait for the lock, holding their pooled connections meanwhile).
 */
public final class TableLock implements AutoCloseable {
    private final Connection connection;

    private TableLock(Connection connection) {
        this.connection = connection;
    }

    /** {@code ACCESS EXCLUSIVE}: reads and writes of the table wait. */
    public static TableLock exclusive(DataSource dataSource, String table) throws SQLException {
        return take(dataSource.getConnection(), "LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
    }

    /** {@code EXCLUSIVE}, on a connection of its own that the lock closes: writes of the table wait, reads go on. */
    public static TableLock againstWrites(Connection connection, String table) throws SQLException {
        return take(connection, "LOCK TABLE " + table + " IN EXCLUSIVE MODE");
    }

    private static TableLock take(Connection connection, String sql) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL statement_timeout = 0");
            statement.execute(sql);
        }
        return new TableLock(connection);
    }

    /** Releases the lock (ends the transaction); the waiting statements go on. Once only: later calls do nothing. */
    @Override
    public void close() throws SQLException {
        if (connection.isClosed()) {
            return;
        }
        try {
            connection.rollback();
        } finally {
            connection.close();
        }
    }
}
