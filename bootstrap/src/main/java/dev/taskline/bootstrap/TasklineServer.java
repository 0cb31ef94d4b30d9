package dev.taskline.bootstrap;

import com.zaxxer.hikari.HikariDataSource;
import dev.taskline.db.DatabaseReadiness;
import dev.taskline.db.DatabaseUrl;
import dev.taskline.db.Migrations;
import dev.taskline.persistence.jooq.JooqPersistence;
import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A running Taskline: database (embedded unless configured), migrated schema, pool, HTTP server.
 * At start it waits for the database (retrying with back-off up to DATABASE_STARTUP_TIMEOUT, see
 * {@link DatabaseReadiness}). {@link #close()} stops in the reverse order: the HTTP server first
 * (it stops taking requests and lets those in flight finish, see {@link GracefulShutdown}), then
 * the watchdog of lent connections, the pool, then the embedded database.
 */
public final class TasklineServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TasklineServer.class);

    private final Javalin app;
    private final Deque<AutoCloseable> resources;

    private TasklineServer(Javalin app, Deque<AutoCloseable> resources) {
        this.app = app;
        this.resources = resources;
    }

    public static TasklineServer start(AppConfig config) {
        long started = System.nanoTime();
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            DatabaseUrl url;
            String database;
            if (config.databaseUrl().isPresent()) {
                url = config.databaseUrl().get();
                database = "PostgreSQL at " + hostOf(url);
            } else {
                EmbeddedDatabase embedded = EmbeddedDatabase.start(config.dataDirectory());
                resources.push(embedded);
                url = embedded.url();
                database = "embedded PostgreSQL in " + embedded.directory();
            }
            DatabaseTimeouts timeouts = config.databaseTimeouts();
            DatabaseReadiness.await(url, timeouts.startup());
            int applied;
            try (HikariDataSource migrationPool = DatabasePool.openForMigrations(url, timeouts)) {
                applied = new Migrations(migrationPool).migrate();
            }
            HikariDataSource pool = DatabasePool.open(url, config.poolSize(), timeouts);
            resources.push(pool);

            JooqPersistence persistence = JooqPersistence.create(pool, config.echoSql(), DatabasePool.longestSilence(timeouts));
            resources.push(persistence);

            Javalin app = Wiring.httpApp(config, persistence, JwtSecrets.resolve(config));
            GracefulShutdown.install(app, timeouts.shutdownGrace());
            app.start(config.port());
            resources.push(app::stop);

            TasklineServer server = new TasklineServer(app, resources);
            log.info("Taskline listening on {} with {} ({} migrations applied), started in {} ms",
                    server.baseUri(), database, applied, (System.nanoTime() - started) / 1_000_000);
            return server;
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    public int port() {
        return app.port();
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + port());
    }

    @Override
    public void close() {
        log.info("Taskline stopping: finishing requests in flight, then closing the database pool");
        closeAll(resources);
        log.info("Taskline stopped");
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                log.warn("Error while stopping: {}", e.toString());
            }
        }
    }

    /** host:port/db of a JDBC URL, without parameters or credentials, for the start-up line. */
    private static String hostOf(DatabaseUrl url) {
        String withoutScheme = url.jdbcUrl().replaceFirst("^jdbc:postgresql://", "");
        int query = withoutScheme.indexOf('?');
        return query < 0 ? withoutScheme : withoutScheme.substring(0, query);
    }
}
