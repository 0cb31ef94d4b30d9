package dev.taskline.bootstrap.process;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runnable jar with nothing but PORT set: it starts on the embedded PostgreSQL in ./data,
 * keeps what it acknowledged across a SIGKILL of the whole JVM (the orphaned PostgreSQL is dealt
 * with on the next start), and stops gracefully on SIGTERM.
 */
class EmbeddedServerProcessIT {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private final HttpClient client = HttpClient.newHttpClient();

    @TempDir
    Path workingDirectory;

    @Test
    void dataWrittenBeforeAKill9_isThereAfterARestart_andSigtermStopsCleanly() throws Exception {
        String token;
        long taskId;
        try (ServerProcess first = ServerProcess.start(workingDirectory, Map.of()).awaitHealthy(START_TIMEOUT)) {
            assertThat(first.output()).contains("Taskline listening on").contains("embedded PostgreSQL");
            assertThat(workingDirectory.resolve("data/postgres/PG_VERSION")).exists();

            token = field(post(first, "/api/v1/auth/register", null,
                    "{\"email\":\"durable@example.com\",\"password\":\"correct horse battery\"}", 201), "access_token");
            taskId = Long.parseLong(field(post(first, "/api/v1/tasks", token, "{\"title\":\"survive kill -9\"}", 201), "id"));

            first.kill();
        }

        try (ServerProcess second = ServerProcess.start(workingDirectory, Map.of()).awaitHealthy(START_TIMEOUT)) {
            var task = client.send(HttpRequest.newBuilder(second.uri("/api/v1/tasks/" + taskId))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(task.statusCode()).as(task.body()).isEqualTo(200);
            assertThat(task.body()).contains("survive kill -9");

            assertThat(second.terminate(Duration.ofSeconds(30))).isIn(0, 143);
            assertThat(second.output()).contains("Taskline stopped");
        }
        assertThat(Files.exists(workingDirectory.resolve("data/postgres/postmaster.pid")))
                .as("the embedded PostgreSQL stopped with the server").isFalse();
    }

    private String post(ServerProcess server, String path, String token, String json, int expectedStatus) throws Exception {
        var request = HttpRequest.newBuilder(server.uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return response.body();
    }

    /** A top-level string or number field of a small JSON answer (avoids a JSON library in this test). */
    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]+)\"?").matcher(json);
        assertThat(matcher.find()).as("%s in %s", name, json).isTrue();
        return matcher.group(1);
    }
}
