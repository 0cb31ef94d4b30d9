package dev.taskline.db;

import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;

/**
 * Waits at start-up for the database to accept connections: attempts with an exponential back-off
 * (0.5 s, 1 s, 2 s ... at most 10 s apart), one log line per failed attempt, and a give-up after
 * a limit (DATABASE_STARTUP_TIMEOUT). A database that is still starting, restarting or waking up
 * (a serverless compute) is thus waited for; one that refuses us for good (wrong password, no such
 * database) fails at once, since waiting would not change the answer.
 *
 * <p>Log lines name the database by host, port and name only: never the user's password, nor the
 * URL's parameters.
 */
public final class DatabaseReadiness {
    static final Duration FIRST_DELAY = Duration.ofMillis(500);
    static final Duration MAX_DELAY = Duration.ofSeconds(10);
    /** pgjdbc's bound for one attempt's TCP connect and log-in, in seconds. */
    private static final int ATTEMPT_TIMEOUT_SECONDS = 10;

    private static final Logger log = LoggerFactory.getLogger(DatabaseReadiness.class);

    private DatabaseReadiness() {
    }

    /**
     * Returns once a connection to {@code url} succeeds; throws {@link DatabaseUnreachable} when
     * none did within {@code limit}, or at once when the database refuses the connection for a
     * reason that waiting cannot mend.
     */
    public static void await(DatabaseUrl url, Duration limit) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url.jdbcUrl());
        url.user().ifPresent(dataSource::setUser);
        url.password().ifPresent(dataSource::setPassword);
        dataSource.setConnectTimeout(ATTEMPT_TIMEOUT_SECONDS);
        dataSource.setLoginTimeout(ATTEMPT_TIMEOUT_SECONDS);
        dataSource.setApplicationName("taskline-startup");
        await(dataSource, describe(url), limit);
    }

    static void await(PGSimpleDataSource dataSource, String database, Duration limit) {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        Duration delay = FIRST_DELAY;
        for (int attempt = 1; ; attempt++) {
            SQLException failure;
            try (Connection connection = dataSource.getConnection()) {
                if (connection.isValid(ATTEMPT_TIMEOUT_SECONDS)) {
                    if (attempt > 1) {
                        log.info("Database {} reachable after {} attempts in {}", database, attempt, seconds(System.nanoTime() - start));
                    }
                    return;
                }
                failure = new SQLException("the connection was opened but does not answer", "08006");
            } catch (SQLException e) {
                failure = e;
            }
            String reason = reason(failure);
            if (!worthRetrying(failure)) {
                throw new DatabaseUnreachable("Database " + database + " refused the connection: " + reason
                        + "; not retrying, as waiting cannot change this answer");
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new DatabaseUnreachable("Database " + database + " still not reachable after " + attempt
                        + " attempts in " + seconds(System.nanoTime() - start) + " (last: " + reason
                        + "); giving up, the limit is " + seconds(limit.toNanos()) + " (DATABASE_STARTUP_TIMEOUT)");
            }
            Duration wait = Duration.ofNanos(Math.min(delay.toNanos(), left));
            log.warn("Database {} not reachable (attempt {}): {}; retrying in {}, giving up in {}",
                    database, attempt, reason, seconds(wait.toNanos()), seconds(left));
            sleep(wait);
            delay = nextDelay(delay);
        }
    }

    /** The back-off: each wait twice the previous one, at most {@link #MAX_DELAY}. */
    static Duration nextDelay(Duration delay) {
        Duration doubled = delay.multipliedBy(2);
        return doubled.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : doubled;
    }

    /**
     * Connection failures (class 08, which pgjdbc also uses for a refused or timed-out connect and
     * an unknown host), a server starting up or shutting down (57P), too many connections (53300):
     * worth another attempt. Anything else (a wrong password, 28P01; no such database, 3D000) is not.
     */
    static boolean worthRetrying(SQLException failure) {
        String state = failure.getSQLState();
        return state == null
                || state.startsWith("08")
                || state.startsWith("57P")
                || state.equals("53300");
    }

    /** host:port/database of a JDBC URL, without parameters (which may carry a password) or credentials. */
    static String describe(DatabaseUrl url) {
        String withoutScheme = url.jdbcUrl().replaceFirst("^jdbc:postgresql://", "");
        int query = withoutScheme.indexOf('?');
        return query < 0 ? withoutScheme : withoutScheme.substring(0, query);
    }

    private static String reason(SQLException failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage().strip();
        return failure.getSQLState() == null ? message : message + " [" + failure.getSQLState() + "]";
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseUnreachable("interrupted while waiting for the database");
        }
    }

    /** The database could not be reached at start-up; the message says which, how often and why. */
    public static final class DatabaseUnreachable extends RuntimeException {
        DatabaseUnreachable(String message) {
            super(message);
        }
    }
}
