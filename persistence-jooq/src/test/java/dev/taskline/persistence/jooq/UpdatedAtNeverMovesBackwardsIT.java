package dev.taskline.persistence.jooq;

import dev.taskline.domain.model.conversation.Conversation;
import dev.taskline.domain.model.task.Task;
import dev.taskline.domain.model.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static dev.taskline.persistence.jooq.TestData.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Transaction A begins (its now() is fixed from then on), B updates the same row and commits, and
 * only then A updates it: A's updated_at must still come after B's. A trigger writing now() would
 * move updated_at backwards here. Two JDBC connections, driven by hand.
 */
class UpdatedAtNeverMovesBackwardsIT {
    private static final String UPDATE_TASK = "UPDATE tasks SET title = ? WHERE id = ? RETURNING updated_at, version";
    private static final String APPEND_MESSAGE = """
            INSERT INTO messages (conversation_id, user_id, role, content) VALUES (?, ?, 'user', 'hello')""";
    private static final String CONVERSATION_UPDATED_AT = "SELECT updated_at FROM conversations WHERE id = ?";

    @RegisterExtension
    static final PersistenceFixture db = new PersistenceFixture();

    @Test
    void aTransactionThatBeganEarlier_butUpdatesLater_movesUpdatedAtForward() throws Exception {
        Task task = db.ports().tasks().insert(db.newUser(), aTask().build());

        try (Connection a = db.connection(); Connection b = db.connection()) {
            a.setAutoCommit(false);
            Instant aBegan = now(a);

            Written byB = updateTask(b, task, "written by B"); // autocommit: B is done before A writes
            Written byA = updateTask(a, task, "written by A");
            a.commit();

            assertThat(aBegan).as("A's transaction time").isBefore(byB.updatedAt());
            assertThat(byA.updatedAt()).isAfter(byB.updatedAt());
            assertThat(byA.version()).isEqualTo(byB.version() + 1);
        }
        Task stored = db.ports().tasks().find(task.owner(), task.id()).orElseThrow();
        assertThat(stored.title().value()).isEqualTo("written by A");
        assertThat(stored.version()).isEqualTo(3);
    }

    @Test
    void aTransactionThatWaitsForTheRowLock_stillMovesUpdatedAtForward() throws Exception {
        Task task = db.ports().tasks().insert(db.newUser(), aTask().build());

        try (Connection a = db.connection(); Connection b = db.connection()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            Instant aBegan = now(a);
            Written byB = updateTask(b, task, "written by B"); // B holds the row lock, not yet committed

            CompletableFuture<Written> aWrites = CompletableFuture.supplyAsync(() -> updateTask(a, task, "written by A"));
            assertThatThrownBy(() -> aWrites.get(300, TimeUnit.MILLISECONDS))
                    .as("A waits for B's lock")
                    .isInstanceOf(TimeoutException.class);
            b.commit();
            Written byA = aWrites.get(10, TimeUnit.SECONDS);
            a.commit();

            assertThat(aBegan).isBefore(byB.updatedAt());
            assertThat(byA.updatedAt()).isAfter(byB.updatedAt());
            assertThat(byA.version()).isEqualTo(byB.version() + 1);
        }
    }

    @Test
    void aMessageAppendedByAnEarlierTransaction_stillMovesTheConversationForward() throws Exception {
        UserId owner = db.newUser();
        Conversation conversation = db.ports().conversations().insert(owner);

        try (Connection a = db.connection(); Connection b = db.connection()) {
            a.setAutoCommit(false);
            Instant aBegan = now(a);

            appendMessage(b, conversation);
            Instant afterB = conversationUpdatedAt(b, conversation);
            appendMessage(a, conversation);
            Instant afterA = conversationUpdatedAt(a, conversation);
            a.commit();

            assertThat(aBegan).isBefore(afterB);
            assertThat(afterA).isAfter(afterB);
        }
        assertThat(db.ports().conversations().find(owner, conversation.id()).orElseThrow().updatedAt())
                .isAfter(conversation.updatedAt());
    }

    private record Written(Instant updatedAt, long version) {
    }

    private static Written updateTask(Connection connection, Task task, String title) {
        try (PreparedStatement update = connection.prepareStatement(UPDATE_TASK)) {
            update.setString(1, title);
            update.setLong(2, task.id().value());
            try (ResultSet row = update.executeQuery()) {
                assertThat(row.next()).as("the task was updated").isTrue();
                return new Written(row.getObject(1, OffsetDateTime.class).toInstant(), row.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void appendMessage(Connection connection, Conversation conversation) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(APPEND_MESSAGE)) {
            insert.setLong(1, conversation.id().value());
            insert.setLong(2, conversation.owner().value());
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }

    private static Instant conversationUpdatedAt(Connection connection, Conversation conversation) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(CONVERSATION_UPDATED_AT)) {
            select.setLong(1, conversation.id().value());
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getObject(1, OffsetDateTime.class).toInstant();
            }
        }
    }

    private static Instant now(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT now()"); ResultSet row = select.executeQuery()) {
            row.next();
            return row.getObject(1, OffsetDateTime.class).toInstant();
        }
    }
}
