package dev.taskline.bootstrap;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.taskline.db.DatabaseUrl;

import java.time.Duration;

/**
 * The HikariCP pool, set up for a serverless PostgreSQL (Neon) as much as for a local one:
 * no idle connections kept (so a Neon compute may scale to zero), idle ones retired before Neon
 * closes them, bounded waits everywhere so that a lost database fails fast instead of hanging.
 *
 * <p>The bounds (docs/reliability.md explains each):
 * <ul>
 *   <li>a request waits at most {@link DatabaseTimeouts#connection()} for a connection (pool
 *       exhausted, or database unreachable), then it is answered 503;</li>
 *   <li>every statement is cut by the server after {@link DatabaseTimeouts#statement()}
 *       ({@code SET statement_timeout} on each new connection: a SET rather than a start-up
 *       option, which Neon's pooler refuses), which also answers 503;</li>
 *   <li>pgjdbc gives up a TCP connect and a log-in after {@link #CONNECT_TIMEOUT};</li>
 *   <li>a database that stops answering is noticed after {@link #longestSilence} of the
 *       statement timeout in force, yet a statement is always cut by the server's statement
 *       timeout first, which leaves the connection usable. On the application's pool the
 *       persistence adapter's watchdog cuts a connection lent for that long (ADR 0008: pgjdbc's
 *       {@code socketTimeout} made every read on a virtual thread a timed park, doubling the
 *       p99); the migrations, which run on a platform thread, keep {@code socketTimeout}, above
 *       their own statement timeout {@link DatabaseTimeouts#migration()}.</li>
 * </ul>
 */
final class DatabasePool {
    /** pgjdbc's bound on a TCP connect and on the log-in (TLS, authentication). */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** HikariCP's bound on the liveness check of an idle connection before it is lent. */
    static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(2);

    private DatabasePool() {
    }

    /** The application's pool: every connection carries the statement timeout. */
    static HikariDataSource open(DatabaseUrl url, int size, DatabaseTimeouts timeouts) {
        HikariConfig config = baseConfig(url, timeouts);
        config.setPoolName("taskline");
        config.setMaximumPoolSize(size);
        config.setConnectionInitSql("SET statement_timeout = " + timeouts.statement().toMillis());
        return new HikariDataSource(config);
    }

    /**
     * A small pool for the migrations, closed once they are done: with a statement timeout of its
     * own, far above the requests' (building an index on a large table may rightly take minutes),
     * and a socket timeout above that, so that a long statement is cut by the server (and rolled
     * back) rather than by the driver, which would leave it running on a connection it gave up.
     */
    static HikariDataSource openForMigrations(DatabaseUrl url, DatabaseTimeouts timeouts) {
        HikariConfig config = baseConfig(url, timeouts);
        config.setPoolName("taskline-migrations");
        config.setMaximumPoolSize(2);
        config.setConnectionInitSql("SET statement_timeout = " + timeouts.migration().toMillis());
        // pgjdbc turns its seconds into an int of milliseconds
        long silence = Math.min(longestSilence(timeouts.migration()).toSeconds(), Integer.MAX_VALUE / 1000);
        config.addDataSourceProperty("socketTimeout", Long.toString(silence));
        return new HikariDataSource(config);
    }

    /** How long the application's connections may stay silent: see {@link #longestSilence(Duration)}. */
    static Duration longestSilence(DatabaseTimeouts timeouts) {
        return longestSilence(timeouts.statement());
    }

    /** A live database may stay silent as long as a statement may run, and then some. */
    static Duration longestSilence(Duration statementTimeout) {
        Duration twice = statementTimeout.multipliedBy(2);
        Duration floor = Duration.ofSeconds(30);
        return twice.compareTo(floor) < 0 ? floor : twice;
    }

    private static HikariConfig baseConfig(DatabaseUrl url, DatabaseTimeouts timeouts) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url.jdbcUrl());
        url.user().ifPresent(config::setUsername);
        url.password().ifPresent(config::setPassword);
        config.setMinimumIdle(0);
        config.setIdleTimeout(Duration.ofMinutes(2).toMillis());
        config.setMaxLifetime(Duration.ofMinutes(30).toMillis());
        config.setKeepaliveTime(0);
        config.setConnectionTimeout(timeouts.connection().toMillis());
        config.setValidationTimeout(validationTimeout(timeouts).toMillis());
        // The start-up waits for the database before opening a pool (DatabaseReadiness); a pool
        // never fails for want of a database afterwards: its borrowers get a bounded wait and a 503.
        config.setInitializationFailTimeout(-1);
        // pgjdbc: detect dead peers, bound the TCP connect and the log-in (seconds)
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.addDataSourceProperty("connectTimeout", Long.toString(CONNECT_TIMEOUT.toSeconds()));
        config.addDataSourceProperty("loginTimeout", Long.toString(CONNECT_TIMEOUT.toSeconds()));
        config.addDataSourceProperty("ApplicationName", "taskline");
        return config;
    }

    /** HikariCP wants it below the connection timeout, and at least 250 ms. */
    private static Duration validationTimeout(DatabaseTimeouts timeouts) {
        Duration half = timeouts.connection().dividedBy(2);
        Duration bounded = half.compareTo(VALIDATION_TIMEOUT) > 0 ? VALIDATION_TIMEOUT : half;
        return bounded.compareTo(Duration.ofMillis(250)) < 0 ? Duration.ofMillis(250) : bounded;
    }
}
