package dev.taskline.bootstrap.faults;

import dev.taskline.bootstrap.DatabaseTimeouts;
import dev.taskline.bootstrap.TasklineServer;
import dev.taskline.bootstrap.faults.Load.Outcome;
import dev.taskline.db.DatabaseUrl;
import dev.taskline.db.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every connection of a tiny pool held by a slow statement (the test locks the table those
 * statements read): the other requests wait for a connection no longer than the connection
 * timeout, then are answered 503; the held ones finish when the lock goes; the server serves
 * normally afterwards.
 */
class PoolExhaustionFaultIT {
    private static final int POOL_SIZE = 2;
    private static final int REQUESTS = 12;
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration HOLD = Duration.ofSeconds(4);
    private static final DatabaseTimeouts TIMEOUTS = DatabaseTimeouts.DEFAULTS
            .withConnection(CONNECTION_TIMEOUT)
            .withStatement(Duration.ofSeconds(30)); // longer than the hold: the pool, not the statement timeout, is tested

    @TempDir
    static Path directory;

    private static TestDatabase database;
    private static TasklineServer server;
    private static String token;

    @BeforeAll
    static void start() throws InterruptedException {
        database = TestDatabase.create();
        DatabaseUrl url = database.url();
        server = FaultServers.start(url, POOL_SIZE, TIMEOUTS, directory);
        token = Load.registerUser(server.baseUri(), "pool-" + UUID.randomUUID() + "@example.com");
    }

    @AfterAll
    static void stop() {
        FaultServers.stopInOrder(server, database);
    }

    @Test
    void aPoolHeldBySlowStatements_answersTheRest503_afterABoundedWait_andServesAgainWhenTheyFinish() throws Exception {
        CompletableFuture<List<Outcome>> burst;
        long heldFor;
        try (TableLock lock = TableLock.exclusive(database.dataSource(), "tasks")) {
            long locked = System.nanoTime();
            burst = Burst.sendAsync(REQUESTS, i -> listTasks());
            Thread.sleep(HOLD);
            heldFor = System.nanoTime() - locked;
        }
        List<Outcome> outcomes = burst.join();
        Outcome afterwards;
        try (HttpClient http = Load.httpClient()) {
            afterwards = Load.send(http, "GET /api/v1/tasks", listTasks());
        }

        Tally tally = Tally.of(outcomes);
        List<Outcome> unavailable = outcomes.stream().filter(o -> o.status() == 503).toList();
        List<Outcome> held = outcomes.stream().filter(o -> o.status() == 200).toList();
        long min503 = unavailable.stream().mapToLong(Outcome::millis).min().orElse(0);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("pool-size", POOL_SIZE);
        figures.put("connection-timeout-ms", CONNECTION_TIMEOUT.toMillis());
        figures.put("503-wait-ms", min503 + ".." + tally.max503Millis());
        figures.put("held-ms", held.stream().mapToLong(Outcome::millis).min().orElse(0));
        tally.line("pool-exhaustion", 0, figures);

        assertThat(held).as("requests that got the pool's connections, answered once the lock went").hasSize(POOL_SIZE)
                .allSatisfy(o -> assertThat(o.millis()).isGreaterThanOrEqualTo(Duration.ofNanos(heldFor).toMillis() - 100));
        assertThat(unavailable).as("requests that found the pool exhausted").hasSize(REQUESTS - POOL_SIZE)
                .allMatch(Outcome::isProblem503, "problem documents with Retry-After");
        assertThat(min503).as("the shortest wait before a 503").isGreaterThanOrEqualTo(CONNECTION_TIMEOUT.toMillis() - 100);
        // A request borrows twice (authentication, then its use case), each borrow bounded by the timeout.
        assertThat(Duration.ofMillis(tally.max503Millis())).as("the longest wait before a 503")
                .isLessThan(CONNECTION_TIMEOUT.multipliedBy(2).plusSeconds(1));
        assertThat(tally.serverErrors() + tally.refused() + tally.cut() + tally.hung()).as("500s, refused, cut, hung").isZero();
        assertThat(afterwards.status()).as("a request once the pool is free again").isEqualTo(200);
        assertThat(afterwards.millis()).isLessThan(CONNECTION_TIMEOUT.toMillis());
    }

    private static HttpRequest listTasks() {
        return HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/tasks"))
                .timeout(Load.HANG)
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
    }
}
