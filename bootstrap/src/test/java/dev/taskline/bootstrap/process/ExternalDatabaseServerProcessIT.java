package dev.taskline.bootstrap.process;

import dev.taskline.db.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runnable jar on an external PostgreSQL named by DATABASE_URL in libpq form, the way Neon
 * hands it out: it migrates that database, serves the API on it, and starts no embedded server.
 */
class ExternalDatabaseServerProcessIT {
    @TempDir
    Path workingDirectory;

    @Test
    void withALibpqDatabaseUrl_itMigratesAndServesThatDatabase() throws Exception {
        try (TestDatabase database = TestDatabase.create()) {
            String libpqUrl = libpqForm(database.jdbcUrl(), database.user());
            try (ServerProcess server = ServerProcess.start(workingDirectory, Map.of(
                    "DATABASE_URL", libpqUrl,
                    "JWT_SECRET", "an-external-database-test-secret-of-enough-bytes")).awaitHealthy(Duration.ofSeconds(60))) {
                var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri("/api/v1/auth/register"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"email\":\"external@example.com\",\"password\":\"correct horse battery\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                assertThat(server.output()).contains("Taskline listening on").doesNotContain("embedded PostgreSQL");
                assertThat(workingDirectory.resolve("data/postgres")).doesNotExist();
                try (var connection = database.dataSource().getConnection();
                     var statement = connection.createStatement();
                     var rows = statement.executeQuery("SELECT email FROM users")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo("external@example.com");
                }
            }
        }
    }

    /** jdbc:postgresql://host:port/db?user=u  →  postgresql://u@host:port/db */
    private static String libpqForm(String jdbcUrl, String user) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String query = uri.getQuery() == null ? "" : uri.getQuery();
        String userName = user != null ? user
                : query.replaceAll(".*(?:^|&)user=([^&]+).*", "$1");
        return "postgresql://" + userName + "@" + uri.getHost() + ":" + uri.getPort() + uri.getPath();
    }
}
