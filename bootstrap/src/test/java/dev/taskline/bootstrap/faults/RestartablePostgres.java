package dev.taskline.bootstrap.faults;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.taskline.db.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL that a test can stop, crash and start again: zonky's embedded server on a
 * fixed data directory and a fixed port, so that a server (or pool) pointed at it finds it again
 * at the same address after a restart.
 *
 * <p>Configured as the product's embedded database is for durability ({@code fsync},
 * {@code synchronous_commit} and {@code full_page_writes} on; checked after every start), not as
 * zonky's test defaults: a write acknowledged before a crash must survive it.
 */
public final class RestartablePostgres implements AutoCloseable {
    private static final String USER = "postgres";
    private static final String DATABASE = "postgres";

    private final Path directory;
    private final int port;
    private EmbeddedPostgres postgres;

    private RestartablePostgres(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    /** Creates the cluster in {@code directory} (initdb) if there is none, and starts it on a free port. */
    public static RestartablePostgres start(Path directory) {
        RestartablePostgres database = notStarted(directory);
        database.start();
        return database;
    }

    /** A server to be started later on {@code directory}, its port chosen now: for a client told to wait for it. */
    public static RestartablePostgres notStarted(Path directory) {
        return new RestartablePostgres(directory.toAbsolutePath(), freePort());
    }

    /** Starts the server again on the same directory and port; PostgreSQL replays its WAL if it crashed. */
    public void start() {
        if (postgres != null) {
            throw new IllegalStateException("already running");
        }
        try {
            Files.createDirectories(directory);
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "localhost")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL in " + directory, e);
        }
        assertDurable();
    }

    /** A clean stop ({@code pg_ctl stop -m fast}): open connections are terminated, nothing committed is lost. */
    public void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            postgres = null;
        }
    }

    /**
     * A crash: the postmaster gets SIGQUIT (an immediate shutdown: no checkpoint, every backend
     * dropped at once), so the next {@link #start()} must recover from the WAL. The library is then
     * told to close, to release its lock on the directory; its own attempt to stop the (already
     * gone) server fails, and that expected failure is kept out of the log.
     */
    public void crash() {
        long pid = postmasterPid();
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no postmaster " + pid));
        try {
            Process kill = new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -QUIT " + pid + " failed");
            }
            postmaster.onExit().get(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("the postmaster did not stop after SIGQUIT", e);
        }
        Logger library = (Logger) LoggerFactory.getLogger(EmbeddedPostgres.class);
        Level level = library.getLevel();
        library.setLevel(Level.OFF);
        try {
            stop();
        } finally {
            library.setLevel(level);
        }
    }

    public boolean running() {
        return postgres != null;
    }

    public int port() {
        return port;
    }

    public Path directory() {
        return directory;
    }

    /** Where a Taskline server finds this database. */
    public DatabaseUrl url() {
        return new DatabaseUrl(jdbcUrl(), Optional.of(USER), Optional.empty());
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    /** A plain JDBC connection, outside any code under test: for counting what the database really holds. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, "");
    }

    /** How many of {@code ids} are rows of {@code tasks}. */
    public long tasksPresent(Collection<Long> ids) {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM tasks WHERE id = ANY (?)")) {
            Array array = connection.createArrayOf("bigint", ids.toArray());
            query.setArray(1, array);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count tasks", e);
        }
    }

    /** How many tasks have a title starting with {@code prefix}. */
    public long tasksTitled(String prefix) {
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM tasks WHERE starts_with(title, ?)")) {
            query.setString(1, prefix);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count tasks", e);
        }
    }

    @Override
    public void close() {
        if (postgres != null) {
            stop();
        }
    }

    private void assertDurable() {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                try (ResultSet row = statement.executeQuery("SHOW " + setting)) {
                    row.next();
                    if (!row.getString(1).equals("on")) {
                        throw new IllegalStateException(setting + " is " + row.getString(1) + ": a crash could lose acknowledged writes");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the durability settings", e);
        }
    }

    private long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).getFirst().strip());
        } catch (IOException e) {
            throw new UncheckedIOException("no postmaster.pid: is the server running?", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
