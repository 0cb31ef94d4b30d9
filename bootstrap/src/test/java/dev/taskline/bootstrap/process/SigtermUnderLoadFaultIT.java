package dev.taskline.bootstrap.process;

import dev.taskline.bootstrap.faults.Load;
import dev.taskline.bootstrap.faults.Load.Outcome;
import dev.taskline.bootstrap.faults.RestartablePostgres;
import dev.taskline.bootstrap.faults.Tally;
import dev.taskline.bootstrap.faults.TableLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM to the jar, run as a developer runs it (embedded PostgreSQL in ./data), under a load of
 * creates with requests held in flight at that moment (the test locks the tasks table in the
 * server's own PostgreSQL): those requests finish with 201, the database stops only after them,
 * and afterwards every acknowledged task is in the data directory, and nothing unacknowledged.
 */
class SigtermUnderLoadFaultIT {
    private static final int CLIENTS = 8;

    @TempDir
    Path workingDirectory;

    @Test
    void sigtermUnderLoad_finishesTheRequestsInFlight_andLosesNoAcknowledgedWrite() throws Exception {
        String titles = "sigterm-" + UUID.randomUUID() + "-";
        List<Outcome> outcomes;
        long sigtermAt;
        long exitedAt;
        AtomicInteger exitCode = new AtomicInteger(-1);
        String lockRelease = "released";
        String output;
        try (ServerProcess server = ServerProcess.start(workingDirectory, Map.of()).awaitHealthy(Duration.ofSeconds(90))) {
            URI base = server.uri("");
            String token = Load.registerUser(base, "sigterm-" + UUID.randomUUID() + "@example.com");
            Load load = Load.start(CLIENTS, Load.creatingTasks(() -> base, token, titles));
            Thread.sleep(1_500);

            TableLock lock = TableLock.againstWrites(DriverManager.getConnection(
                    "jdbc:postgresql://localhost:" + embeddedPostgresPort() + "/postgres", "postgres", ""), "tasks");
            Thread.sleep(500); // the clients' inserts now wait for the lock: requests in flight
            sigtermAt = System.nanoTime();
            Thread terminator = Thread.ofPlatform().name("sigterm").start(() -> {
                try {
                    exitCode.set(server.terminate(Duration.ofSeconds(60)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Thread.sleep(1_000);
            try {
                lock.close(); // the held inserts go on while the server is stopping
            } catch (SQLException e) {
                lockRelease = "failed: " + e.getMessage(); // the database went away under the requests in flight
            }
            terminator.join(Duration.ofSeconds(90));
            exitedAt = System.nanoTime();
            Thread.sleep(300);
            outcomes = load.stop();
            output = server.output();
        }

        Tally tally = Tally.of(outcomes);
        List<Outcome> inFlight = outcomes.stream()
                .filter(o -> o.startNanos() < sigtermAt && o.endNanos() > sigtermAt).toList();
        List<Long> acknowledged = tally.createdIds();
        long present;
        long stored;
        try (RestartablePostgres database = RestartablePostgres.start(workingDirectory.resolve("data/postgres"))) {
            present = database.tasksPresent(acknowledged);
            stored = database.tasksTitled(titles);
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("in-flight-at-sigterm", inFlight.size());
        figures.put("in-flight-201s", inFlight.stream().filter(o -> o.status() == 201).count());
        figures.put("stored", stored);
        figures.put("stored-unacknowledged", stored - present);
        figures.put("exit-code", exitCode.get());
        figures.put("sigterm-to-exit-ms", (exitedAt - sigtermAt) / 1_000_000);
        tally.line("sigterm-under-creates", acknowledged.size() - present, figures);

        assertThat(lockRelease).as("the test's lock, released while the server stops").isEqualTo("released");
        assertThat(exitCode.get()).as("exit code\n%s", output).isIn(0, 143);
        assertThat(output).contains("Taskline stopped");
        assertThat(inFlight).as("requests in flight at SIGTERM").hasSizeGreaterThanOrEqualTo(1)
                .allMatch(o -> o.status() == 201, "finished with 201");
        assertThat(acknowledged.size() - present).as("acknowledged tasks missing").isZero();
        assertThat(stored - present).as("tasks stored without a 201 reaching the client").isZero();
        assertThat(tally.serverErrors()).as("500s").isZero();
        assertThat(tally.unexpected(201, 503)).as("answers other than 201 and 503").isEmpty();
        assertThat(tally.malformed503s()).as("503s that are not problem documents").isZero();
        assertThat(tally.hung()).as("hung requests").isZero();
        assertThat(outcomes.stream().filter(o -> !o.answered() && !o.refused() && o.startNanos() < sigtermAt))
                .as("requests sent before SIGTERM and cut without an answer").isEmpty();
    }

    /** The embedded PostgreSQL's port: line 4 of its postmaster.pid. */
    private int embeddedPostgresPort() throws Exception {
        List<String> lines = Files.readAllLines(workingDirectory.resolve("data/postgres/postmaster.pid"));
        return Integer.parseInt(lines.get(3).strip());
    }
}
