package dev.taskline.persistence.jooq;

import com.zaxxer.hikari.HikariDataSource;
import dev.taskline.domain.error.Conflict;
import dev.taskline.domain.error.DomainException;
import dev.taskline.domain.error.Unauthenticated;
import dev.taskline.domain.error.Unavailable;
import dev.taskline.domain.model.conversation.ConversationId;
import dev.taskline.domain.model.page.PageRequest;
import dev.taskline.domain.model.task.TaskFilter;
import dev.taskline.domain.model.task.TaskId;
import dev.taskline.domain.model.user.Email;
import dev.taskline.domain.model.user.UserId;
import dev.taskline.domain.port.in.RegisterUserCommand;
import dev.taskline.domain.service.TaskService;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.taskline.persistence.jooq.TestData.aMessage;
import static dev.taskline.persistence.jooq.TestData.aTask;
import static dev.taskline.persistence.jooq.TestData.aUser;
import static dev.taskline.persistence.jooq.TestData.uniqueEmail;
import static dev.taskline.persistence.jooq.generated.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.jooq.impl.DSL.lower;

/**
 * Database failures leave the adapter as domain exceptions: a taken email as {@link Conflict}, a
 * database that cannot be reached as {@link Unavailable}, quickly, and never with SQL in the message.
 */
class ErrorTranslationIT {
    private static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(250);
    /** Generous against a slow machine, yet far below what a hanging connection attempt would take. */
    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final List<String> SQL_WORDS = List.of(
            "select", "insert", "update ", "delete", " from ", "returning", "jdbc", "postgres", "sql",
            "duplicate key", "constraint", "users_email", "\"users\"", "connection");

    @RegisterExtension
    static final PersistenceFixture db = new PersistenceFixture();

    private static HikariDataSource deadPool;
    private static JooqPersistence unreachable;

    @BeforeAll
    static void anAdapterOnAPortWhereNoDatabaseListens() {
        deadPool = PersistenceFixture.unreachablePool(CONNECTION_TIMEOUT);
        unreachable = JooqPersistence.create(deadPool);
    }

    @AfterAll
    static void closeThePool() {
        deadPool.close();
    }

    @Test
    void aTakenEmail_throughTheRepository_isConflict_withoutSqlInTheMessage() {
        String email = uniqueEmail();
        db.ports().users().insert(aUser().withEmail(email).build());

        Throwable failure = catchThrowable(() -> db.ports().users().insert(aUser().withEmail(email.toUpperCase(Locale.ROOT)).build()));

        assertThat(failure).isExactlyInstanceOf(Conflict.class).hasMessage(Conflict.emailTaken().getMessage());
        assertNoSqlIn(failure);
        assertThat(db.dsl().fetchCount(USERS, lower(USERS.EMAIL).eq(email))).isEqualTo(1);
    }

    @Test
    void writingForAnAccountDeletedMeanwhile_isUnauthenticated_withoutSqlInTheMessage() {
        UserId deleted = db.newUser();
        assertThat(db.ports().users().delete(deleted)).isTrue();

        Throwable task = catchThrowable(() -> db.ports().tasks().insert(deleted, aTask().build()));
        Throwable conversation = catchThrowable(() -> db.ports().conversations().insert(deleted));

        assertThat(task).isExactlyInstanceOf(Unauthenticated.class).hasMessage("the account no longer exists");
        assertThat(conversation).isExactlyInstanceOf(Unauthenticated.class);
        assertNoSqlIn(task);
    }

    @Test
    void aTakenEmail_insideATransaction_isConflict_andRollsBackTheTransaction() {
        String taken = uniqueEmail();
        String innocent = uniqueEmail();
        db.ports().users().insert(aUser().withEmail(taken).build());

        Throwable failure = catchThrowable(() -> db.ports().transactions().inTransaction(() -> {
            db.ports().users().insert(aUser().withEmail(innocent).build());
            return db.ports().users().insert(aUser().withEmail(taken).build());
        }));

        assertThat(failure).isExactlyInstanceOf(Conflict.class);
        assertNoSqlIn(failure);
        assertThat(db.ports().users().findByEmail(Email.of(innocent))).isEmpty();
    }

    @Test
    void aTakenEmail_throughRegistration_isConflict() {
        String email = uniqueEmail();
        db.accounts().register(RegisterUserCommand.of(email, TestData.DEFAULT_PASSWORD, null));

        Throwable failure = catchThrowable(() ->
                db.accounts().register(RegisterUserCommand.of(email.toUpperCase(Locale.ROOT), "another password", "Second")));

        assertThat(failure).isExactlyInstanceOf(Conflict.class);
        assertNoSqlIn(failure);
    }

    @Test
    void anUnreachableDatabase_throughTheTransactionRunner_isUnavailable_quickly() {
        AtomicBoolean workRan = new AtomicBoolean();

        Throwable failure = timed(() -> unreachable.transactions().inTransaction(() -> workRan.getAndSet(true)));

        assertThat(failure).isExactlyInstanceOf(Unavailable.class);
        assertNoSqlIn(failure);
        assertThat(workRan).isFalse();
    }

    @Test
    void anUnreachableDatabase_throughEveryRepository_isUnavailable_quickly() {
        UserId someone = new UserId(1);
        Map<String, ThrowingCallable> calls = new LinkedHashMap<>();
        calls.put("users.insert", () -> unreachable.users().insert(aUser().build()));
        calls.put("users.findByEmail", () -> unreachable.users().findByEmail(Email.of(uniqueEmail())));
        calls.put("tasks.find", () -> unreachable.tasks().find(someone, new TaskId(1)));
        calls.put("tasks.list", () -> unreachable.tasks().list(someone, TaskFilter.none(), PageRequest.first(10)));
        calls.put("tasks.insert", () -> unreachable.tasks().insert(someone, aTask().build()));
        calls.put("conversations.insert", () -> unreachable.conversations().insert(someone));
        calls.put("messages.append", () -> unreachable.messages().append(someone, new ConversationId(1), aMessage().build()));

        calls.forEach((name, call) -> {
            Throwable failure = timed(call);
            assertThat(failure).as(name).isExactlyInstanceOf(Unavailable.class);
            assertNoSqlIn(failure);
        });
    }

    @Test
    void anUnreachableDatabase_throughAService_isUnavailable_quickly() {
        TaskService tasks = new TaskService(unreachable.tasks(), unreachable.transactions());

        Throwable failure = timed(() -> tasks.get(new UserId(1), new TaskId(1)));

        assertThat(failure).isExactlyInstanceOf(Unavailable.class);
        assertNoSqlIn(failure);
    }

    private static Throwable timed(ThrowingCallable call) {
        long start = System.nanoTime();
        Throwable failure = catchThrowable(call);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("time to fail").isLessThan(BOUND);
        return failure;
    }

    private static void assertNoSqlIn(Throwable failure) {
        assertThat(failure).isInstanceOf(DomainException.class);
        String message = failure.getMessage().toLowerCase(Locale.ROOT);
        assertThat(SQL_WORDS).as("words of SQL or of the driver in \"%s\"", message).noneMatch(message::contains);
    }
}
