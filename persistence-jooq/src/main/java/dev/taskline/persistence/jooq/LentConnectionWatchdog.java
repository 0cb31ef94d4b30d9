package dev.taskline.persistence.jooq;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Cuts a connection that has been lent out of the pool for longer than a limit, so that a
 * database gone without a word (no RST, no answer) fails the request waiting on it instead of
 * hanging it. Lent means from {@link ReservableConnectionProvider#borrow()} to
 * {@link ReservableConnectionProvider#giveBack}: one statement in auto-commit, or one transaction.
 *
 * <p>It does what pgjdbc's {@code socketTimeout} did (a bound on each read), without a timer per
 * read: on a virtual thread a read with a socket timeout is a timed park, and JDK 25 schedules and
 * cancels a task on the virtual-thread scheduler's delay queue for each one, waking that queue's
 * thread about once per request — which doubled the p99 of a GET (ADR 0008). Here a loan costs a
 * map entry, and one platform thread looks at the entries every second (a quarter of the limit
 * when that is shorter).
 *
 * <p>A connection past its deadline is aborted ({@link Connection#abort}: pgjdbc closes its
 * socket), so the statement waiting on it fails with a connection error, which the adapter
 * translates to {@code Unavailable}, and the pool discards it. The key is the object the pool
 * lent: HikariCP hands out a new one per loan and cuts it off from the physical connection when
 * it is given back, so a sweep that races with a give-back can never abort the next borrower's work.
 */
final class LentConnectionWatchdog implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LentConnectionWatchdog.class);
    private static final Duration LONGEST_SWEEP_INTERVAL = Duration.ofSeconds(1);
    private static final Duration SHORTEST_SWEEP_INTERVAL = Duration.ofMillis(10);

    private final Duration limit;
    private final ConcurrentHashMap<Connection, Long> deadlines = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;

    private LentConnectionWatchdog(Duration limit, ScheduledExecutorService sweeper) {
        this.limit = limit;
        this.sweeper = sweeper;
    }

    /** A watchdog that cuts loans longer than {@code limit}; {@link #close()} stops its thread. */
    static LentConnectionWatchdog cuttingAfter(Duration limit) {
        Objects.requireNonNull(limit, "limit");
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("the limit must be positive: " + limit);
        }
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("taskline-db-watchdog").daemon().factory());
        var watchdog = new LentConnectionWatchdog(limit, sweeper);
        long interval = Math.clamp(limit.toNanos() / 4, SHORTEST_SWEEP_INTERVAL.toNanos(), LONGEST_SWEEP_INTERVAL.toNanos());
        sweeper.scheduleWithFixedDelay(watchdog::sweep, interval, interval, TimeUnit.NANOSECONDS);
        return watchdog;
    }

    /** A watchdog that watches nothing: for a data source whose driver bounds its reads itself. */
    static LentConnectionWatchdog off() {
        return new LentConnectionWatchdog(null, null);
    }

    void lent(Connection connection) {
        if (sweeper != null) {
            deadlines.put(connection, System.nanoTime() + limit.toNanos());
        }
    }

    void returned(Connection connection) {
        if (sweeper != null) {
            deadlines.remove(connection);
        }
    }

    /** How many connections are out on loan and watched (for tests). */
    int watched() {
        return deadlines.size();
    }

    private void sweep() {
        long now = System.nanoTime();
        // remove(key, value): an entry given back (and lent again, with a new deadline) meanwhile is left alone
        deadlines.forEach((connection, deadline) -> {
            if (now - deadline >= 0 && deadlines.remove(connection, deadline)) {
                abort(connection);
            }
        });
    }

    private void abort(Connection connection) {
        log.warn("A database connection lent for longer than {} ms was cut: the database did not answer in time",
                limit.toMillis());
        try {
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            // already closed or given back: nothing is waiting on it any more
            log.debug("Aborting the connection failed: {}", e.toString());
        }
    }

    /** Stops the sweeper and waits (briefly) for its thread to end, so a stopped server leaves none behind. */
    @Override
    public void close() {
        if (sweeper == null) {
            return;
        }
        sweeper.shutdownNow();
        try {
            sweeper.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
