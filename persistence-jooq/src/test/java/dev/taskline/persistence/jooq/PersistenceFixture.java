package dev.taskline.persistence.jooq;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.taskline.db.Migrations;
import dev.taskline.db.testing.TestDatabase;
import dev.taskline.domain.model.user.UserId;
import dev.taskline.domain.service.AccountService;
import dev.taskline.domain.service.ConversationService;
import dev.taskline.domain.service.TaskService;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import static dev.taskline.persistence.jooq.generated.Tables.CONVERSATIONS;
import static dev.taskline.persistence.jooq.generated.Tables.MESSAGES;
import static dev.taskline.persistence.jooq.generated.Tables.TASKS;
import static dev.taskline.persistence.jooq.generated.Tables.USERS;

/**
 * One test class's world: a fresh migrated PostgreSQL database (embedded, or on
 * {@code TEST_DATABASE_URL}), a HikariCP pool on it, the jOOQ adapter and the domain services wired
 * on the adapter. Register it once per class:
 *
 * <pre>{@code @RegisterExtension static final PersistenceFixture db = new PersistenceFixture();}</pre>
 *
 * Tests in a class share the database and keep apart by creating their own users.
 */
final class PersistenceFixture implements BeforeAllCallback, AfterAllCallback {
    static final int POOL_SIZE = 12;

    private TestDatabase database;
    private HikariDataSource pool;
    private JooqPersistence persistence;
    private PersistencePorts ports;
    private CountingPasswordHasher hasher;
    private AccountService accounts;
    private TaskService taskService;
    private ConversationService conversationService;
    private DSLContext dsl;

    @Override
    public void beforeAll(ExtensionContext context) {
        database = TestDatabase.create();
        new Migrations(database.dataSource()).migrate();
        HikariConfig config = poolConfig(database.jdbcUrl(), database.user(), database.password());
        config.setPoolName("taskline-it-" + context.getRequiredTestClass().getSimpleName());
        pool = new HikariDataSource(config);

        persistence = JooqPersistence.create(pool);
        ports = new PersistencePorts(persistence.users(), persistence.tasks(), persistence.conversations(),
                persistence.messages(), persistence.transactions());
        hasher = new CountingPasswordHasher(new TestPasswordHasher());
        accounts = new AccountService(ports.users(), hasher, ports.transactions());
        taskService = new TaskService(ports.tasks(), ports.transactions());
        conversationService = new ConversationService(ports.conversations(), ports.messages());
        dsl = DSL.using(pool, SQLDialect.POSTGRES);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (pool != null) {
                pool.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    /** The pool settings the fixture uses, for tests that build a pool of their own. */
    static HikariConfig poolConfig(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        return config;
    }

    /**
     * A pool on a local port where nothing listens: every connection attempt is refused, and a
     * borrower gives up after {@code connectionTimeout}. The caller closes it.
     */
    static HikariDataSource unreachablePool(Duration connectionTimeout) {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HikariConfig config = poolConfig("jdbc:postgresql://127.0.0.1:" + closedPort + "/taskline", "taskline", "unused");
        config.setPoolName("taskline-it-unreachable");
        config.setConnectionTimeout(connectionTimeout.toMillis());
        config.setInitializationFailTimeout(-1); // do not fail at construction: fail when borrowed
        config.setMinimumIdle(0);
        return new HikariDataSource(config);
    }

    /** The adapter under test, on the fixture's pool. */
    JooqPersistence persistence() {
        return persistence;
    }

    /** The fixture's pool, e.g. for a second adapter configured differently. */
    DataSource pool() {
        return pool;
    }

    /** The adapter's ports, as the domain sees them. */
    PersistencePorts ports() {
        return ports;
    }

    /** A new user with a unique email. */
    UserId newUser() {
        return ports.newOwner();
    }

    CountingPasswordHasher hasher() {
        return hasher;
    }

    AccountService accounts() {
        return accounts;
    }

    TaskService taskService() {
        return taskService;
    }

    ConversationService conversationService() {
        return conversationService;
    }

    /**
     * Plain jOOQ on the same pool, outside the adapter: for checking what the database really holds
     * (row counts, raw values) without trusting the code under test.
     */
    DSLContext dsl() {
        return dsl;
    }

    /** How many rows of each owned table belong to {@code user} (and 1 or 0 in {@code users}), counted in the tables. */
    Map<String, Integer> rowsOwnedBy(UserId user) {
        long id = user.value();
        return Map.of(
                "users", dsl.fetchCount(USERS, USERS.ID.eq(id)),
                "tasks", dsl.fetchCount(TASKS, TASKS.USER_ID.eq(id)),
                "conversations", dsl.fetchCount(CONVERSATIONS, CONVERSATIONS.USER_ID.eq(id)),
                "messages", dsl.fetchCount(MESSAGES, MESSAGES.USER_ID.eq(id)));
    }

    /** A connection of the pool, for tests that drive transactions by hand; the caller closes it. */
    Connection connection() throws SQLException {
        return pool.getConnection();
    }
}
