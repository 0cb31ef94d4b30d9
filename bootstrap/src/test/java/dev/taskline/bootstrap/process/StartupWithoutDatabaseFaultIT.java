package dev.taskline.bootstrap.process;

import dev.taskline.bootstrap.faults.RestartablePostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar started while its database is unreachable: it retries with an exponential back-off,
 * says so in one line per attempt (without the password), and either gives up with a non-zero
 * exit code after DATABASE_STARTUP_TIMEOUT, or starts normally when the database comes up in time.
 */
class StartupWithoutDatabaseFaultIT {
    private static final String PASSWORD = "s3cret-that-must-never-be-logged";
    private static final String JWT_SECRET = "a-startup-fault-test-secret-of-enough-bytes";
    private static final Pattern ATTEMPT_LINE = Pattern.compile("Database [^ ]+ not reachable \\(attempt \\d+\\)");

    @TempDir
    Path workingDirectory;

    @Test
    void withTheDatabaseUnreachable_itRetriesWithBackOff_andExitsNonZeroAfterTheLimit() throws Exception {
        Duration limit = Duration.ofSeconds(3);
        Instant started = Instant.now();
        int exitCode;
        String output;
        try (ServerProcess server = ServerProcess.start(workingDirectory, Map.of(
                "DATABASE_URL", "postgresql://taskline:" + PASSWORD + "@127.0.0.1:" + closedPort() + "/taskline",
                "DATABASE_STARTUP_TIMEOUT", limit.toSeconds() + "s",
                "JWT_SECRET", JWT_SECRET))) {
            exitCode = server.awaitExit(Duration.ofSeconds(60));
            output = server.output();
        }
        Duration took = Duration.between(started, Instant.now());
        long attempts = ATTEMPT_LINE.matcher(output).results().count();
        System.out.println("RELIABILITY startup-database-unreachable: limit-ms=" + limit.toMillis() + ", attempts-logged=" + attempts
                + ", exit-code=" + exitCode + ", exited-after-ms=" + took.toMillis() + ", password-in-output="
                + output.contains(PASSWORD));

        assertThat(exitCode).as("exit code\n%s", output).isEqualTo(1);
        assertThat(took).as("time to give up, JVM start included").isGreaterThanOrEqualTo(limit).isLessThan(limit.plusSeconds(20));
        assertThat(attempts).as("attempt lines (at 0, 0.5, 1.5 s and at the limit)\n%s", output).isGreaterThanOrEqualTo(3);
        assertThat(output)
                .contains("retrying in 0.5 s", "retrying in 1.0 s")
                .contains("still not reachable after").contains("DATABASE_STARTUP_TIMEOUT")
                .contains("Taskline could not start")
                .doesNotContain(PASSWORD)
                .doesNotContain("Taskline listening on")
                .doesNotContain("\tat "); // a clear line, no stack trace
    }

    @Test
    void whenTheDatabaseComesUpDuringTheWait_itStartsAndServes() throws Exception {
        RestartablePostgres database = RestartablePostgres.notStarted(workingDirectory.resolve("postgres"));
        try (database; ServerProcess server = ServerProcess.start(workingDirectory, Map.of(
                "DATABASE_URL", "postgresql://postgres@localhost:" + database.port() + "/postgres",
                "DATABASE_STARTUP_TIMEOUT", "60s",
                "JWT_SECRET", JWT_SECRET))) {
            awaitOutput(server, "(attempt 2)", Duration.ofSeconds(30));
            Instant databaseStarting = Instant.now();
            database.start();
            server.awaitHealthy(Duration.ofSeconds(60));
            Duration servingAfter = Duration.between(databaseStarting, Instant.now());

            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri("/api/v1/auth/register"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"email\":\"late-database@example.com\",\"password\":\"correct horse battery\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String output = server.output();
            long attempts = ATTEMPT_LINE.matcher(output).results().count();
            System.out.println("RELIABILITY startup-database-late: attempts-logged=" + attempts
                    + ", serving-after-database-start-ms=" + servingAfter.toMillis());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            assertThat(attempts).isGreaterThanOrEqualTo(2);
            assertThat(output).contains("reachable after").contains("Taskline listening on");
        }
    }

    private static void awaitOutput(ServerProcess server, String text, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!server.output().contains(text)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no \"" + text + "\" in the output within " + timeout + ":\n" + server.output());
            }
            Thread.sleep(50);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
