package dev.taskline.db.testing;

import dev.taskline.db.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;

/**
 * A fresh, empty PostgreSQL database for one test class: a real server, never a fake.
 *
 * <p>By default the server is an embedded PostgreSQL (zonky) started once per test JVM; when
 * {@code TEST_DATABASE_URL} is set (libpq or JDBC form), databases are created on that server
 * instead. Each {@link #create()} makes its own database, so tests never see each other's rows and
 * migrations can be run up and down freely; {@link #close()} drops it.
 */
public final class TestDatabase implements AutoCloseable {
    public static final String EXTERNAL_URL_VARIABLE = "TEST_DATABASE_URL";

    private final Server server;
    private final String name;
    private final PGSimpleDataSource dataSource;

    private TestDatabase(Server server, String name) {
        this.server = server;
        this.name = name;
        this.dataSource = server.dataSourceFor(name);
    }

    /** Creates a new empty UTF-8 database on the test server. */
    public static TestDatabase create() {
        Server server = Server.get();
        String name = "taskline_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        server.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        return new TestDatabase(server, name);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String jdbcUrl() {
        return dataSource.getUrl();
    }

    public String user() {
        return dataSource.getUser();
    }

    public String password() {
        return dataSource.getPassword();
    }

    /** Where this database is, as the server's configuration takes it. */
    public DatabaseUrl url() {
        return new DatabaseUrl(jdbcUrl(), Optional.ofNullable(user()), Optional.ofNullable(password()));
    }

    @Override
    public void close() {
        server.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** The server the test databases live on, one per JVM. */
    private static final class Server {
        private static Server instance;

        private final EmbeddedPostgres embedded;
        private final PGSimpleDataSource admin;

        private Server(EmbeddedPostgres embedded, PGSimpleDataSource admin) {
            this.embedded = embedded;
            this.admin = admin;
        }

        static synchronized Server get() {
            if (instance == null) {
                instance = start();
            }
            return instance;
        }

        private static Server start() {
            String external = System.getenv(EXTERNAL_URL_VARIABLE);
            if (external != null && !external.isBlank()) {
                DatabaseUrl url = DatabaseUrl.parse(external);
                PGSimpleDataSource admin = new PGSimpleDataSource();
                admin.setUrl(url.jdbcUrl());
                url.user().ifPresent(admin::setUser);
                url.password().ifPresent(admin::setPassword);
                return new Server(null, admin);
            }
            try {
                EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        embedded.close();
                    } catch (IOException ignored) {
                        // the JVM is going away; the library's own hook cleans up too
                    }
                }));
                PGSimpleDataSource admin = new PGSimpleDataSource();
                admin.setUrl(embedded.getJdbcUrl("postgres", "postgres"));
                admin.setUser("postgres");
                return new Server(embedded, admin);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
            }
        }

        PGSimpleDataSource dataSourceFor(String database) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            String url = admin.getUrl();
            // Swap the database name in jdbc:postgresql://host:port/<db>?params
            int slash = url.indexOf('/', "jdbc:postgresql://".length());
            int query = url.indexOf('?', slash);
            dataSource.setUrl(url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query)));
            dataSource.setUser(admin.getUser());
            dataSource.setPassword(admin.getPassword());
            return dataSource;
        }

        void execute(String sql) {
            try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("test database setup failed: " + sql, e);
            }
        }
    }
}
