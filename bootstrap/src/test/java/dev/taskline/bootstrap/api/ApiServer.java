package dev.taskline.bootstrap.api;

import dev.taskline.bootstrap.AppConfig;
import dev.taskline.bootstrap.TasklineServer;
import dev.taskline.db.DatabaseUrl;
import dev.taskline.db.testing.TestDatabase;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * One running Taskline per test class, on a random port and its own fresh database. Register it as
 * {@code @RegisterExtension static final ApiServer server = new ApiServer();}: the server is up
 * before the class's own {@code @BeforeAll} methods run, and stopped (database dropped) after the
 * last test.
 */
public final class ApiServer implements BeforeAllCallback, AfterAllCallback {
    /** The server's production default: what a user's password costs here is what it costs there. */
    public static final int BCRYPT_COST = 10;

    private final byte[] jwtSecret = new byte[32];
    private final ApiClient api = new ApiClient(this::baseUri);
    private TestDatabase database;
    private Path dataDirectory;
    private TasklineServer server;

    public ApiServer() {
        new SecureRandom().nextBytes(jwtSecret);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        database = TestDatabase.create();
        dataDirectory = Files.createTempDirectory("taskline-api-");
        server = TasklineServer.start(config());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            server = null;
            if (database != null) {
                database.close();
            }
            deleteRecursively(dataDirectory);
        }
    }

    /** The client of this server; it follows the server across {@link #restart()}. */
    public ApiClient api() {
        return api;
    }

    /**
     * Another client of this server, with connections of its own: for checks that must not share
     * a connection with requests that may have left it in an odd state.
     */
    public ApiClient newClient() {
        return new ApiClient(this::baseUri);
    }

    /** The HS256 secret the server signs tokens with, to forge tokens with the right key. */
    public byte[] jwtSecret() {
        return jwtSecret.clone();
    }

    /** The server's database, for checks made beside the API (row counts, digests of whole tables). */
    public DataSource dataSource() {
        return database.dataSource();
    }

    /** Stops the server and starts a new one on the same database, data directory and secret (on a new port). */
    public void restart() {
        server.close();
        server = null;
        server = TasklineServer.start(config());
    }

    private URI baseUri() {
        if (server == null) {
            throw new IllegalStateException("the server is not running");
        }
        return server.baseUri();
    }

    private AppConfig config() {
        DatabaseUrl url = database.url();
        return new AppConfig(0, Optional.of(url), 4, false, Optional.of(jwtSecret.clone()), Duration.ofHours(1), BCRYPT_COST,
                dataDirectory, false);
    }

    private static void deleteRecursively(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
