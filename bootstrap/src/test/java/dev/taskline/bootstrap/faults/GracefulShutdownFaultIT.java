package dev.taskline.bootstrap.faults;

import dev.taskline.bootstrap.DatabaseTimeouts;
import dev.taskline.bootstrap.TasklineServer;
import dev.taskline.bootstrap.faults.Load.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TasklineServer#close()} (what SIGTERM runs) under a load of creates, with requests held
 * in flight at that moment (the test holds a lock that makes their inserts wait): the server stops
 * taking requests (even on a connection a client had open), lets those in flight finish, and only
 * then closes the pool. Every 201 is stored, and nothing is stored that was not answered 201.
 */
class GracefulShutdownFaultIT {
    private static final int CLIENTS = 8;
    private static final int POOL_SIZE = 4;

    @TempDir
    Path directory;

    @Test
    void closingTheServerUnderLoad_finishesTheRequestsInFlight_andLosesNoAcknowledgedWrite() throws Exception {
        try (RestartablePostgres database = RestartablePostgres.start(directory.resolve("postgres"))) {
            TasklineServer server = FaultServers.start(database.url(), POOL_SIZE, DatabaseTimeouts.DEFAULTS, directory.resolve("data"));
            URI base = server.baseUri();
            String token = Load.registerUser(base, "shutdown-" + UUID.randomUUID() + "@example.com");
            String titles = "shutdown-" + UUID.randomUUID() + "-";

            Load load = Load.start(CLIENTS, Load.creatingTasks(() -> base, token, titles));
            HttpClient lateClient = Load.httpClient();
            Outcome beforeClose = Load.send(lateClient, "GET /api/v1/tasks", listTasks(base, token)); // opens a connection
            Thread.sleep(1_500);
            long closeStarted;
            long closeFinished;
            Outcome late;
            try (TableLock lock = TableLock.againstWrites(database.connect(), "tasks")) {
                Thread.sleep(500); // the clients' inserts now wait for the lock: requests in flight
                closeStarted = System.nanoTime();
                Thread closer = Thread.ofPlatform().name("closer").start(server::close);
                Thread.sleep(300);
                late = Load.send(lateClient, "GET /api/v1/tasks", listTasks(base, token)); // once the stop has begun
                lateClient.close();
                Thread.sleep(700);
                lock.close(); // the held inserts go on while the server is stopping
                closer.join(Duration.ofSeconds(60));
                assertThat(closer.isAlive()).as("close() still running after 60 s").isFalse();
                closeFinished = System.nanoTime();
            }
            Thread.sleep(500);
            List<Outcome> outcomes = load.stop();

            Tally tally = Tally.of(outcomes);
            List<Outcome> inFlight = outcomes.stream()
                    .filter(o -> o.startNanos() < closeStarted && o.endNanos() > closeStarted).toList();
            List<Long> acknowledged = tally.createdIds();
            long present = database.tasksPresent(acknowledged);
            long stored = database.tasksTitled(titles);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("in-flight-at-close", inFlight.size());
            figures.put("in-flight-201s", inFlight.stream().filter(o -> o.status() == 201).count());
            figures.put("stored", stored);
            figures.put("stored-unacknowledged", stored - present);
            figures.put("close-ms", (closeFinished - closeStarted) / 1_000_000);
            figures.put("request-after-close-began", late.refused() ? "refused" : Integer.toString(late.status()));
            tally.line("graceful-close-under-creates", acknowledged.size() - present, figures);

            assertThat(beforeClose.status()).isEqualTo(200);
            assertThat(late.refused() || late.status() == 503).as("a request after close() began is not taken: %s", late).isTrue();
            assertThat(inFlight).as("requests in flight when close() began").hasSizeGreaterThanOrEqualTo(POOL_SIZE)
                    .allMatch(o -> o.status() == 201, "finished with 201");
            assertThat(acknowledged.size() - present).as("acknowledged tasks missing").isZero();
            assertThat(stored - present).as("tasks stored without a 201 reaching the client").isZero();
            assertThat(tally.serverErrors()).as("500s").isZero();
            assertThat(tally.unexpected(201, 503)).as("answers other than 201 and 503").isEmpty();
            assertThat(tally.malformed503s()).as("503s that are not problem documents").isZero();
            assertThat(tally.hung()).as("hung requests").isZero();
            assertThat(outcomes.stream().filter(o -> !o.answered() && !o.refused() && o.startNanos() < closeStarted))
                    .as("requests sent before close() and cut without an answer").isEmpty();
        }
    }

    private static HttpRequest listTasks(URI base, String token) {
        return HttpRequest.newBuilder(base.resolve("/api/v1/tasks"))
                .timeout(Load.HANG)
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
    }
}
