package dev.taskline.bootstrap;

import com.zaxxer.hikari.HikariDataSource;
import dev.taskline.db.DatabaseUrl;
import dev.taskline.db.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The pools {@link DatabasePool} builds, on a real PostgreSQL: the statement timeout, and the bounded waits. */
class DatabasePoolIT {
    private static final Duration STATEMENT_TIMEOUT = Duration.ofMillis(500);
    private static final DatabaseTimeouts TIMEOUTS = DatabaseTimeouts.DEFAULTS.withStatement(STATEMENT_TIMEOUT);

    private static TestDatabase database;
    private static DatabaseUrl url;

    @BeforeAll
    static void aDatabase() {
        database = TestDatabase.create();
        url = database.url();
    }

    @AfterAll
    static void dropIt() {
        database.close();
    }

    @Test
    void everyConnectionOfThePool_carriesTheStatementTimeout_andASlowStatementIsCut_leavingTheConnectionUsable() throws SQLException {
        int size = 3;
        try (HikariDataSource pool = DatabasePool.open(url, size, TIMEOUTS)) {
            List<Connection> connections = new ArrayList<>();
            try {
                for (int i = 0; i < size; i++) {
                    connections.add(pool.getConnection()); // held together: each a connection of its own
                }
                for (Connection connection : connections) {
                    assertThat(show(connection, "statement_timeout")).isEqualTo("500ms");

                    long start = System.nanoTime();
                    SQLException cut = catchThrowableOfType(SQLException.class, () -> query(connection, "SELECT pg_sleep(5)"));
                    Duration took = Duration.ofNanos(System.nanoTime() - start);

                    assertThat(cut.getSQLState()).as("query_canceled").isEqualTo("57014");
                    assertThat(took).isGreaterThanOrEqualTo(STATEMENT_TIMEOUT).isLessThan(Duration.ofSeconds(2));
                    assertThat(query(connection, "SELECT 'still usable'")).isEqualTo("still usable");
                }
            } finally {
                for (Connection connection : connections) {
                    connection.close();
                }
            }
        }
    }

    @Test
    void theMigrationPool_byDefault_letsAStatementRunAnHour_andItsDriverWaitsLonger() throws SQLException {
        try (HikariDataSource pool = DatabasePool.openForMigrations(url, DatabaseTimeouts.DEFAULTS);
                Connection connection = pool.getConnection()) {
            assertThat(show(connection, "statement_timeout")).isEqualTo("1h");
            assertThat(pool.getDataSourceProperties().getProperty("socketTimeout")).as("seconds").isEqualTo("7200");
        }
    }

    @Test
    void theMigrationPool_outlastsTheRequestsTimeout_butCutsAStatementAtItsOwn_leavingTheConnectionUsable() throws SQLException {
        DatabaseTimeouts timeouts = TIMEOUTS.withMigration(Duration.ofMillis(1500));
        try (HikariDataSource pool = DatabasePool.openForMigrations(url, timeouts); Connection connection = pool.getConnection()) {
            assertThat(query(connection, "SELECT 'ran past the requests'' 500 ms' FROM pg_sleep(1)")).isEqualTo("ran past the requests' 500 ms");

            SQLException cut = catchThrowableOfType(SQLException.class, () -> query(connection, "SELECT pg_sleep(5)"));

            assertThat(cut.getSQLState()).as("query_canceled by the server, not a socket timeout").isEqualTo("57014");
            assertThat(query(connection, "SELECT 'still usable'")).isEqualTo("still usable");
        }
    }

    @Test
    void aPoolOnAnUnreachableDatabase_opensAnyway_andABorrowerWaitsTheConnectionTimeout_once() throws IOException {
        Duration connectionTimeout = Duration.ofMillis(500);
        DatabaseUrl nowhere = DatabaseUrl.parse("postgresql://taskline@127.0.0.1:" + closedPort() + "/taskline");

        try (HikariDataSource pool = DatabasePool.open(nowhere, 2, TIMEOUTS.withConnection(connectionTimeout))) {
            long start = System.nanoTime();
            SQLTransientConnectionException failure = catchThrowableOfType(SQLTransientConnectionException.class, pool::getConnection);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat((Throwable) failure).as("the borrow fails").isNotNull();
            assertThat(took).isGreaterThanOrEqualTo(connectionTimeout.minusMillis(50)).isLessThan(connectionTimeout.plusSeconds(1));
        }
    }

    private static String show(Connection connection, String setting) throws SQLException {
        return query(connection, "SHOW " + setting);
    }

    private static String query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
