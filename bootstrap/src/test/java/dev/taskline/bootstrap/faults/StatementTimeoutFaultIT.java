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

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statements that would run for long (here: waiting for a lock the test holds) are cut by the
 * statement timeout the pool sets on every connection, and answered 503 at once; the same requests
 * succeed once the lock is gone, on the same pool (a cancelled statement leaves its connection usable).
 */
class StatementTimeoutFaultIT {
    private static final int REQUESTS = 6;
    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration HOLD = Duration.ofSeconds(5);
    private static final DatabaseTimeouts TIMEOUTS = DatabaseTimeouts.DEFAULTS.withStatement(STATEMENT_TIMEOUT);

    @TempDir
    static Path directory;

    private static TestDatabase database;
    private static TasklineServer server;
    private static String token;

    @BeforeAll
    static void start() throws InterruptedException {
        database = TestDatabase.create();
        DatabaseUrl url = database.url();
        server = FaultServers.start(url, REQUESTS + 2, TIMEOUTS, directory);
        token = Load.registerUser(server.baseUri(), "statement-" + UUID.randomUUID() + "@example.com");
    }

    @AfterAll
    static void stop() {
        FaultServers.stopInOrder(server, database);
    }

    @Test
    void statementsThatWouldRunLong_areCutByTheStatementTimeout_andAnswered503_thenTheSameRequestsSucceed() throws Exception {
        String titles = "slow-" + UUID.randomUUID() + "-";
        IntFunction<HttpRequest> createOrList = i -> i % 2 == 0 ? createTask(titles + i) : listTasks();

        CompletableFuture<List<Outcome>> burst;
        try (TableLock lock = TableLock.exclusive(database.dataSource(), "tasks")) {
            burst = Burst.sendAsync(REQUESTS, createOrList);
            Thread.sleep(HOLD);
        }
        List<Outcome> cut = burst.join();
        List<Outcome> afterwards = Burst.send(REQUESTS, createOrList);

        Tally tally = Tally.of(cut);
        long fastest = cut.stream().mapToLong(Outcome::millis).min().orElse(0);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("statement-timeout-ms", STATEMENT_TIMEOUT.toMillis());
        figures.put("lock-held-ms", HOLD.toMillis());
        figures.put("503-wait-ms", fastest + ".." + tally.maxMillis());
        figures.put("afterwards-2xx", afterwards.stream().filter(o -> o.status() / 100 == 2).count());
        tally.line("statement-timeout", 0, figures);

        assertThat(cut).as("requests whose statement waited for the lock")
                .allMatch(Outcome::isProblem503, "answered 503 problem documents with Retry-After");
        assertThat(fastest).as("no answer before the statement timeout").isGreaterThanOrEqualTo(STATEMENT_TIMEOUT.toMillis() - 50);
        assertThat(Duration.ofMillis(tally.maxMillis())).as("each cut at the statement timeout, long before the lock went")
                .isLessThan(STATEMENT_TIMEOUT.plusMillis(1_500));
        assertThat(afterwards).as("the same requests once the lock is gone")
                .allMatch(o -> o.status() == 200 || o.status() == 201, "answered 200 or 201");
        assertThat(tasksTitled(titles)).as("tasks stored: only those created after the lock").isEqualTo(REQUESTS / 2);
    }

    private static long tasksTitled(String prefix) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM tasks WHERE starts_with(title, ?)")) {
            query.setString(1, prefix);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static HttpRequest createTask(String title) {
        return HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/tasks"))
                .timeout(Load.HANG)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"" + title + "\"}"))
                .build();
    }

    private static HttpRequest listTasks() {
        return HttpRequest.newBuilder(server.baseUri().resolve("/api/v1/tasks"))
                .timeout(Load.HANG)
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
    }
}
