package dev.taskline.bootstrap.faults;

import dev.taskline.bootstrap.DatabaseTimeouts;
import dev.taskline.bootstrap.TasklineServer;
import dev.taskline.bootstrap.faults.Load.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running Taskline whose PostgreSQL goes away under load, and comes back: the requests meanwhile
 * are answered 503 within a bounded wait (never a 500, never a hang), the server finds the database
 * again by itself, and no write it acknowledged is missing afterwards, even after a crash.
 *
 * <p>The database is a real PostgreSQL on a fixed directory and port, stopped, crashed and started
 * again by the test; the server is started once for the class and never restarted.
 */
class DatabaseOutageFaultIT {
    private static final int CLIENTS = 8;
    private static final int POOL_SIZE = 5;
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(5);
    private static final DatabaseTimeouts TIMEOUTS = DatabaseTimeouts.DEFAULTS
            .withConnection(CONNECTION_TIMEOUT)
            .withStatement(STATEMENT_TIMEOUT)
            .withStartup(Duration.ofSeconds(30));
    /**
     * A request the database cannot serve waits once for a connection (the pool's timeout; each of
     * its transactions could, but once one has failed the request is answered), plus the time to answer.
     */
    private static final Duration BOUND_FOR_A_503 = CONNECTION_TIMEOUT.plusMillis(1_500);
    /** Any request: a statement may be slow (the restarted server checkpoints), but never past its timeout. */
    private static final Duration BOUND_FOR_ANY = CONNECTION_TIMEOUT.plus(STATEMENT_TIMEOUT).plusMillis(1_500);
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(10);

    @TempDir
    static Path directory;

    private static RestartablePostgres database;
    private static TasklineServer server;
    private static String token;

    @BeforeAll
    static void startTheDatabaseAndTheServer() throws InterruptedException {
        database = RestartablePostgres.start(directory.resolve("postgres"));
        server = FaultServers.start(database.url(), POOL_SIZE, TIMEOUTS, directory.resolve("data"));
        token = Load.registerUser(server.baseUri(), "outage-" + UUID.randomUUID() + "@example.com");
    }

    @AfterAll
    static void stopBoth() {
        FaultServers.stopInOrder(server, database);
    }

    @BeforeEach
    void theDatabaseRuns() {
        if (!database.running()) {
            database.start();
        }
    }

    @Test
    void aDatabaseStoppedUnderLoad_answers503WithinABoundedWait_andTheServerRecoversWithoutARestart() throws Exception {
        String titles = "outage-" + UUID.randomUUID() + "-";
        int port = server.port();
        Load load = Load.start(CLIENTS, Load.creatingAndListingTasks(server::baseUri, token, titles));
        Thread.sleep(1_500);

        long stopping = System.nanoTime();
        database.stop();
        long stopped = System.nanoTime();
        Thread.sleep(4_000);
        long starting = System.nanoTime();
        database.start();
        long started = System.nanoTime();
        boolean recovered = load.awaitStatusSince(started, 201, RECOVERY_BOUND);
        long recoveredAt = System.nanoTime();
        Thread.sleep(1_500);
        List<Outcome> outcomes = load.stop();

        Tally tally = Tally.of(outcomes);
        List<Outcome> whileDown = outcomes.stream()
                .filter(o -> o.startNanos() >= stopped && o.endNanos() <= starting).toList();
        long answeredAfterRestart = outcomes.stream().filter(o -> o.startNanos() >= recoveredAt && o.status() / 100 == 2).count();
        long lost = tally.createdIds().size() - database.tasksPresent(tally.createdIds());
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("requests-while-down", whileDown.size());
        figures.put("max-503-wait-ms", tally.max503Millis());
        figures.put("stop-ms", millis(stopped - stopping));
        figures.put("down-ms", millis(starting - stopping));
        figures.put("recovered-after-restart-ms", millis(recoveredAt - started));
        tally.line("database-stopped-under-load", lost, figures);

        assertThat(tally.serverErrors()).as("500s").isZero();
        assertThat(tally.unexpected(200, 201, 503)).as("answers other than 200, 201, 503").isEmpty();
        assertThat(tally.refused() + tally.cut() + tally.hung()).as("requests refused, cut or hung").isZero();
        assertThat(tally.count(503)).as("503s: the outage was felt").isPositive();
        assertThat(tally.malformed503s()).as("503s that are not problem documents with Retry-After").isZero();
        assertThat(whileDown).as("requests while the database was down").isNotEmpty()
                .allMatch(Outcome::isProblem503, "answered 503 problem documents");
        assertThat(Duration.ofMillis(tally.max503Millis())).as("the longest wait for a 503").isLessThan(BOUND_FOR_A_503);
        assertThat(Duration.ofMillis(tally.maxMillis())).as("the longest wait for any answer").isLessThan(BOUND_FOR_ANY);
        assertThat(recovered).as("a task created within %s of the database's return", RECOVERY_BOUND).isTrue();
        assertThat(answeredAfterRestart).as("requests answered 2xx after the recovery").isPositive();
        assertThat(server.port()).as("the same server, never restarted").isEqualTo(port);
        assertThat(lost).as("acknowledged tasks missing").isZero();
    }

    @Test
    void createsUnderADatabaseCrashAndRestart_loseNoAcknowledgedWrite() throws Exception {
        String titles = "crash-" + UUID.randomUUID() + "-";
        Load load = Load.start(CLIENTS, Load.creatingTasks(server::baseUri, token, titles));
        Thread.sleep(2_000);

        long crashing = System.nanoTime();
        database.crash(); // SIGQUIT: no checkpoint; the restart replays the WAL
        database.start();
        long started = System.nanoTime();
        boolean recovered = load.awaitStatusSince(started, 201, RECOVERY_BOUND);
        Thread.sleep(2_000);
        List<Outcome> outcomes = load.stop();

        Tally tally = Tally.of(outcomes);
        List<Long> acknowledged = tally.createdIds();
        long present = database.tasksPresent(acknowledged);
        long stored = database.tasksTitled(titles);
        long lost = acknowledged.size() - present;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("acknowledged", acknowledged.size());
        figures.put("stored", stored);
        figures.put("stored-unacknowledged", stored - present);
        figures.put("max-503-wait-ms", tally.max503Millis());
        figures.put("crash-to-restarted-ms", millis(started - crashing));
        tally.line("database-crash-restart-under-creates", lost, figures);

        assertThat(new HashSet<>(acknowledged)).as("distinct ids").hasSize(acknowledged.size());
        assertThat(acknowledged).as("acknowledged creates").hasSizeGreaterThan(20);
        assertThat(lost).as("acknowledged tasks missing after the crash").isZero();
        assertThat(stored).as("stored tasks of this run").isGreaterThanOrEqualTo(present);
        assertThat(tally.serverErrors()).as("500s").isZero();
        assertThat(tally.unexpected(201, 503)).as("answers other than 201 and 503").isEmpty();
        assertThat(tally.refused() + tally.cut() + tally.hung()).as("requests refused, cut or hung").isZero();
        assertThat(tally.count(503)).as("503s: the crash was felt").isPositive();
        assertThat(tally.malformed503s()).as("503s that are not problem documents").isZero();
        assertThat(Duration.ofMillis(tally.max503Millis())).as("the longest wait for a 503").isLessThan(BOUND_FOR_A_503);
        assertThat(Duration.ofMillis(tally.maxMillis())).as("the longest wait for any answer").isLessThan(BOUND_FOR_ANY);
        assertThat(recovered).as("a task created within %s of the restart", RECOVERY_BOUND).isTrue();
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
