package dev.taskline.persistence.jooq;

import dev.taskline.domain.port.out.ConversationRepository;
import dev.taskline.domain.port.out.MessageRepository;
import dev.taskline.domain.port.out.TaskRepository;
import dev.taskline.domain.port.out.TransactionRunner;
import dev.taskline.domain.port.out.UserRepository;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * The persistence adapter's front door: every driven port of the domain, implemented with jOOQ
 * on one {@link DataSource} (normally a HikariCP pool). Callers never see a jOOQ type, so the
 * composition root does not depend on jOOQ. {@link #close()} stops the watchdog of lent
 * connections, if there is one; the data source is the caller's to close.
 */
public final class JooqPersistence implements AutoCloseable {
    private final DSLContext dsl;
    private final LentConnectionWatchdog watchdog;
    private final JooqUserRepository users;
    private final JooqTaskRepository tasks;
    private final JooqConversationRepository conversations;
    private final JooqMessageRepository messages;
    private final JooqTransactionRunner transactions;

    private JooqPersistence(DSLContext dsl, ReservableConnectionProvider connections, boolean echoSql,
            LentConnectionWatchdog watchdog) {
        var statements = new Statements(dsl, connections, echoSql);
        this.dsl = dsl;
        this.watchdog = watchdog;
        this.users = new JooqUserRepository(dsl);
        this.tasks = new JooqTaskRepository(statements);
        this.conversations = new JooqConversationRepository(statements);
        this.messages = new JooqMessageRepository(statements);
        this.transactions = new JooqTransactionRunner(connections);
    }

    /** The adapter on {@code dataSource}, whose schema must already be migrated (see taskline-db). */
    public static JooqPersistence create(DataSource dataSource) {
        return create(dataSource, false);
    }

    /** As {@link #create(DataSource)}; with {@code echoSql} every statement is logged (DATABASE_ECHO). */
    public static JooqPersistence create(DataSource dataSource, boolean echoSql) {
        return create(dataSource, echoSql, LentConnectionWatchdog.off());
    }

    /**
     * As {@link #create(DataSource, boolean)}, and a connection lent for one statement or one
     * transaction is cut after {@code longestLoan} without an answer (see {@link LentConnectionWatchdog}):
     * the bound on a silent database, for a data source whose driver does not bound its reads.
     */
    public static JooqPersistence create(DataSource dataSource, boolean echoSql, Duration longestLoan) {
        return create(dataSource, echoSql, LentConnectionWatchdog.cuttingAfter(longestLoan));
    }

    private static JooqPersistence create(DataSource dataSource, boolean echoSql, LentConnectionWatchdog watchdog) {
        var connections = new ReservableConnectionProvider(dataSource, watchdog);
        var configuration = new DefaultConfiguration()
                .set(SQLDialect.POSTGRES)
                .set(connections)
                .set(new Settings()
                        // Unqualified names: the schema is whatever the connection's search_path says.
                        .withRenderSchema(false)
                        .withRenderCatalog(false)
                        .withExecuteLogging(false))
                .set(echoSql
                        ? new ExecuteListener[] {new TranslatingExecuteListener(), new SqlEchoListener()}
                        : new ExecuteListener[] {new TranslatingExecuteListener()});
        return new JooqPersistence(DSL.using(configuration), connections, echoSql, watchdog);
    }

    public UserRepository users() {
        return users;
    }

    public TaskRepository tasks() {
        return tasks;
    }

    public ConversationRepository conversations() {
        return conversations;
    }

    public MessageRepository messages() {
        return messages;
    }

    public TransactionRunner transactions() {
        return transactions;
    }

    @Override
    public void close() {
        watchdog.close();
    }

    /** Whether the database answers a trivial query right now (for health checks); never throws. */
    public boolean databaseUp() {
        try {
            return dsl.selectOne().fetchOne() != null;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
