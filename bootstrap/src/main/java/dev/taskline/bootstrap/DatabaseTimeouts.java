package dev.taskline.bootstrap;

import java.time.Duration;

/**
 * The bounds on waiting for the database (see docs/operations.md and docs/reliability.md).
 *
 * @param connection DATABASE_CONNECTION_TIMEOUT: how long a request waits for a pooled connection
 *                   before it is answered 503 (also the bound on an unreachable database), default 5 s
 * @param statement  DATABASE_STATEMENT_TIMEOUT: PostgreSQL's {@code statement_timeout} on every
 *                   connection of the pool; a statement cut by it answers 503, default 15 s
 * @param startup    DATABASE_STARTUP_TIMEOUT: how long the start-up waits (retrying with back-off)
 *                   for the database to accept connections before giving up, default 60 s
 * @param migration  DATABASE_MIGRATION_TIMEOUT: PostgreSQL's {@code statement_timeout} on the
 *                   migrations' connections, far above the requests' (an index built on a large
 *                   table may rightly take minutes), default 1 h
 */
public record DatabaseTimeouts(Duration connection, Duration statement, Duration startup, Duration migration) {

    /** HikariCP refuses a connection timeout below 250 ms. */
    static final Duration MIN_CONNECTION_TIMEOUT = Duration.ofMillis(250);
    /** PostgreSQL's statement_timeout is an int of milliseconds. */
    static final Duration MAX_STATEMENT_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);

    /** Declared after the bounds above, which its construction checks. */
    public static final DatabaseTimeouts DEFAULTS =
            new DatabaseTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(60), Duration.ofHours(1));

    public DatabaseTimeouts {
        if (connection.compareTo(MIN_CONNECTION_TIMEOUT) < 0) {
            throw new ConfigException("DATABASE_CONNECTION_TIMEOUT must be at least 250ms");
        }
        if (statement.toMillis() < 1 || statement.compareTo(MAX_STATEMENT_TIMEOUT) > 0) {
            throw new ConfigException("DATABASE_STATEMENT_TIMEOUT must be between 1ms and 24 days");
        }
        if (startup.isNegative()) {
            throw new ConfigException("DATABASE_STARTUP_TIMEOUT must not be negative");
        }
        if (migration.toMillis() < 1 || migration.compareTo(MAX_STATEMENT_TIMEOUT) > 0) {
            throw new ConfigException("DATABASE_MIGRATION_TIMEOUT must be between 1ms and 24 days");
        }
    }

    public DatabaseTimeouts withConnection(Duration newConnection) {
        return new DatabaseTimeouts(newConnection, statement, startup, migration);
    }

    public DatabaseTimeouts withStatement(Duration newStatement) {
        return new DatabaseTimeouts(connection, newStatement, startup, migration);
    }

    public DatabaseTimeouts withStartup(Duration newStartup) {
        return new DatabaseTimeouts(connection, statement, newStartup, migration);
    }

    public DatabaseTimeouts withMigration(Duration newMigration) {
        return new DatabaseTimeouts(connection, statement, startup, newMigration);
    }

    /**
     * How long a graceful stop waits for requests in flight: the longest a request may wait for
     * the database (a connection, then a statement), plus a margin for the rest of its work.
     */
    Duration shutdownGrace() {
        return connection.plus(statement).plusSeconds(5);
    }
}
