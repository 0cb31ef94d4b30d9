package dev.taskline.db;

import dev.taskline.db.testing.TestDatabase;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The schema keeps its data rules by itself: rows written by plain SQL, around any application,
 * still obey them.
 *
 * <p>Every statement runs through plain JDBC on one autocommit connection, so each is its own
 * transaction (and its own {@code now()}). Each test makes its own users with unique emails, so
 * the tests share the database but not their rows, and run in any order.
 */
class SchemaConstraintsIT {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String CHECK_VIOLATION = "23514";
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    private static final String NOT_NULL_VIOLATION = "23502";
    /** How PostgreSQL refuses U+0000 in text: invalid byte sequence, or untranslatable character. */
    private static final List<String> NUL_REFUSED = List.of("22021", "22P05");

    /** A well-formed bcrypt hash: "$2a$", cost 10, then 53 characters of salt and hash. */
    private static final String BCRYPT_HASH = "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy";
    /** One code point outside the Basic Multilingual Plane: two Java chars, one character. */
    private static final String EMOJI = Character.toString(0x1F600);
    private static final OffsetDateTime LONG_AGO = OffsetDateTime.parse("2000-01-01T00:00:00Z");

    private static TestDatabase database;
    private static Connection connection;

    @BeforeAll
    static void createSchema() throws SQLException {
        database = TestDatabase.create();
        new Migrations(database.dataSource()).migrate();
        connection = database.dataSource().getConnection();
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        try {
            if (connection != null) {
                connection.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    // ---------------------------------------------------------------- users

    @Test
    void email_isUniqueInAnyLetterCase() throws SQLException {
        String email = uniqueEmail();
        insertUser(email);

        assertRejected(() -> insertUser(email), UNIQUE_VIOLATION, "users_email_lower_key");
        // The upper-case twin never reaches the unique index: the lower-case check stops it first.
        assertRejected(() -> insertUser(email.toUpperCase(Locale.ROOT)), CHECK_VIOLATION, "users_email_lower_case");
    }

    /** Without the lower-case check (dropped in a transaction that is rolled back) the index alone ignores case. */
    @Test
    void email_uniqueIndex_ignoresLetterCaseOnItsOwn() throws SQLException {
        String email = uniqueEmail();
        insertUser(email);

        inRolledBackTransaction(() -> {
            update("ALTER TABLE users DROP CONSTRAINT users_email_lower_case");
            assertRejected(() -> insertUser(email.toUpperCase(Locale.ROOT)), UNIQUE_VIOLATION, "users_email_lower_key");
        });
    }

    @Test
    void email_mustBeStoredInLowerCase() {
        assertRejected(() -> insertUser("Someone-" + UUID.randomUUID() + "@Example.io"),
                CHECK_VIOLATION, "users_email_lower_case");
    }

    @Test
    void email_isAtMost255Characters() throws SQLException {
        String longest = emailOfLength(255);
        assertThat(queryOne(String.class, "SELECT email FROM users WHERE id = ?", insertUser(longest)))
                .isEqualTo(longest);

        assertRejected(() -> insertUser(emailOfLength(256)), CHECK_VIOLATION, "users_email_length");
    }

    @Test
    void email_andPasswordHash_areRequired() {
        assertRejectedNull(() -> update("INSERT INTO users (email, password_hash) VALUES (NULL, ?)", BCRYPT_HASH),
                "email");
        assertRejectedNull(() -> update("INSERT INTO users (email, password_hash) VALUES (?, NULL)", uniqueEmail()),
                "password_hash");
    }

    @Test
    void name_isOptional_andAtMost255Characters_countedInCodePoints() throws SQLException {
        insertUser(uniqueEmail(), null);
        String longest = EMOJI.repeat(255);
        assertThat(queryOne(String.class, "SELECT name FROM users WHERE id = ?", insertUser(uniqueEmail(), longest)))
                .isEqualTo(longest);

        assertRejected(() -> insertUser(uniqueEmail(), EMOJI.repeat(256)), CHECK_VIOLATION, "users_name_length");
    }

    @Test
    void passwordHash_ofBcrypt_isAccepted() throws SQLException {
        for (String variant : new String[] {"$2a$", "$2b$", "$2y$"}) {
            long user = insertUser(uniqueEmail(), null, variant + BCRYPT_HASH.substring(4));
            assertThat(queryOne(String.class, "SELECT password_hash FROM users WHERE id = ?", user))
                    .startsWith(variant);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "correct horse battery staple",                                    // plain text
            "",
            "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhW",     // 52 characters
            "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWyy",   // 54 characters
            "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhW!",    // not in [./A-Za-z0-9]
            "$2x$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",    // unknown variant
            "$2a$5$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWyy",    // one-digit cost
            "x$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",   // anchored at the start
    })
    void passwordHash_thatIsNotBcrypt_isRejected(String notBcrypt) {
        assertRejected(() -> insertUser(uniqueEmail(), null, notBcrypt),
                CHECK_VIOLATION, "users_password_hash_is_bcrypt");
    }

    // ---------------------------------------------------------------- timestamps, every table

    @ParameterizedTest
    @ValueSource(strings = {"users", "tasks", "conversations", "messages"})
    void createdAt_cannotBeChangedByAnUpdate(String table) throws SQLException {
        long id = insertRowInto(table);
        OffsetDateTime createdAt = timestamp("created_at", table, id);
        String moveItBack = "UPDATE %s SET created_at = created_at - interval '1 day' WHERE id = ?".formatted(table);

        ServerErrorMessage error = assertFails(() -> update(moveItBack, id), CHECK_VIOLATION);
        assertThat(error.getMessage()).isEqualTo("created_at of %s.%d is immutable", table, id);

        assertThat(timestamp("created_at", table, id)).isEqualTo(createdAt);
        // Setting it to what it already is stays allowed.
        assertThat(update("UPDATE %s SET created_at = created_at WHERE id = ?".formatted(table), id)).isOne();
    }

    @ParameterizedTest
    @ValueSource(strings = {"users", "tasks", "conversations"})
    void updatedAt_movesForwardOnEveryUpdate_evenWhenTheUpdateSetsItToAnOldValue(String table) throws SQLException {
        long id = insertRowInto(table);
        OffsetDateTime inserted = timestamp("updated_at", table, id);

        OffsetDateTime touched = queryOne(OffsetDateTime.class,
                "UPDATE %s SET created_at = created_at WHERE id = ? RETURNING updated_at".formatted(table), id);
        assertThat(touched).isAfter(inserted);

        OffsetDateTime forced = queryOne(OffsetDateTime.class,
                "UPDATE %s SET updated_at = ? WHERE id = ? RETURNING updated_at".formatted(table), LONG_AGO, id);
        assertThat(forced).isAfter(touched);
    }

    // ---------------------------------------------------------------- tasks

    @Test
    void title_mayHave1To200Characters_countedInCodePoints() throws SQLException {
        long user = insertUser();
        for (String title : new String[] {"x", EMOJI.repeat(200)}) {
            assertThat(queryOne(String.class, "SELECT title FROM tasks WHERE id = ?", insertTask(user, title)))
                    .isEqualTo(title);
        }

        assertRejected(() -> insertTask(user, EMOJI.repeat(201)), CHECK_VIOLATION, "tasks_title_length");
    }

    @Test
    void title_thatIsEmpty_isRejected() throws SQLException {
        long user = insertUser();
        assertRejected(() -> insertTask(user, ""), CHECK_VIOLATION, "tasks_title_length");
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "\t", "  \t  ", " \r\n "})
    void title_thatIsBlank_isRejected(String blank) throws SQLException {
        long user = insertUser();
        assertRejected(() -> insertTask(user, blank), CHECK_VIOLATION, "tasks_title_not_blank");
    }

    @Test
    void title_isRequired() throws SQLException {
        long user = insertUser();
        assertRejectedNull(() -> update("INSERT INTO tasks (user_id, title) VALUES (?, NULL)", user), "title");
    }

    @Test
    void description_isOptional_andAtMost10000Characters_countedInCodePoints() throws SQLException {
        long user = insertUser();
        String longest = EMOJI.repeat(10_000);
        assertThat(queryOne(String.class, """
                INSERT INTO tasks (user_id, title, description) VALUES (?, 'Read', ?) RETURNING description
                """, user, longest)).isEqualTo(longest);
        assertThat(queryOne(String.class, "SELECT description FROM tasks WHERE id = ?", insertTask(user, "Read")))
                .isNull();

        assertRejected(() -> update("INSERT INTO tasks (user_id, title, description) VALUES (?, 'Read', ?)",
                user, "d".repeat(10_001)), CHECK_VIOLATION, "tasks_description_length");
    }

    @Test
    void status_isPendingByDefault_andMayBeInProgressOrCompleted() throws SQLException {
        long user = insertUser();
        assertThat(queryOne(String.class, "SELECT status FROM tasks WHERE id = ?", insertTask(user, "Plan")))
                .isEqualTo("pending");
        for (String status : new String[] {"pending", "in_progress", "completed"}) {
            assertThat(queryOne(String.class, """
                    INSERT INTO tasks (user_id, title, status) VALUES (?, 'Plan', ?) RETURNING status
                    """, user, status)).isEqualTo(status);
        }

        assertRejectedNull(() -> update("INSERT INTO tasks (user_id, title, status) VALUES (?, 'Plan', NULL)", user),
                "status");
    }

    @ParameterizedTest
    @ValueSource(strings = {"done", "PENDING", "Completed", "in progress", "in_progress ", ""})
    void status_thatIsNotKnown_isRejected(String unknown) throws SQLException {
        long user = insertUser();
        assertRejected(() -> update("INSERT INTO tasks (user_id, title, status) VALUES (?, 'Plan', ?)", user, unknown),
                CHECK_VIOLATION, "tasks_status_known");
        long task = insertTask(user, "Plan");
        assertRejected(() -> update("UPDATE tasks SET status = ? WHERE id = ?", unknown, task),
                CHECK_VIOLATION, "tasks_status_known");
    }

    @Test
    void version_startsAt1_andGoesUpByExactlyOneOnEveryUpdate_evenWhenTheUpdateSetsIt() throws SQLException {
        long task = insertTask(insertUser(), "Count");
        assertThat(queryOne(Long.class, "SELECT version FROM tasks WHERE id = ?", task)).isEqualTo(1);

        long expected = 1;
        for (String assignment : new String[] {
                "title = 'Recount'", "version = 100", "version = 1", "version = version + 5", "status = status"}) {
            String sql = "UPDATE tasks SET %s WHERE id = ? RETURNING version".formatted(assignment);
            assertThat(queryOne(Long.class, sql, task)).as(assignment).isEqualTo(++expected);
        }
    }

    @Test
    void task_ofAUserThatDoesNotExist_isRejected() throws SQLException {
        long user = insertUser();
        update("DELETE FROM users WHERE id = ?", user);

        assertRejected(() -> insertTask(user, "Orphan"), FOREIGN_KEY_VIOLATION, "tasks_user_id_fkey");
    }

    // ---------------------------------------------------------------- conversations and messages

    @Test
    void role_mayBeUserOrAssistant() throws SQLException {
        long user = insertUser();
        long conversation = insertConversation(user);
        for (String role : new String[] {"user", "assistant"}) {
            long message = insertMessage(conversation, user, role, "Hello");
            assertThat(queryOne(String.class, "SELECT role FROM messages WHERE id = ?", message)).isEqualTo(role);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"system", "tool", "User", "ASSISTANT", ""})
    void role_thatIsNotUserOrAssistant_isRejected(String role) throws SQLException {
        long user = insertUser();
        long conversation = insertConversation(user);
        assertRejected(() -> insertMessage(conversation, user, role, "Hello"), CHECK_VIOLATION, "messages_role_known");
    }

    @Test
    void content_mayHave1To10000Characters_countedInCodePoints() throws SQLException {
        long user = insertUser();
        long conversation = insertConversation(user);
        for (String content : new String[] {"k", EMOJI.repeat(10_000)}) {
            long message = insertMessage(conversation, user, "user", content);
            assertThat(queryOne(String.class, "SELECT content FROM messages WHERE id = ?", message)).isEqualTo(content);
        }

        assertRejected(() -> insertMessage(conversation, user, "user", ""), CHECK_VIOLATION, "messages_content_length");
        assertRejected(() -> insertMessage(conversation, user, "user", "c".repeat(10_001)),
                CHECK_VIOLATION, "messages_content_length");
        assertRejectedNull(() -> insertMessage(conversation, user, "user", null), "content");
    }

    @Test
    void message_cannotPointAtAnotherUsersConversation() throws SQLException {
        long alice = insertUser();
        long bob = insertUser();
        long alicesConversation = insertConversation(alice);

        assertRejected(() -> insertMessage(alicesConversation, bob, "user", "Let me in"),
                FOREIGN_KEY_VIOLATION, "messages_conversation_fkey");
        assertThat(count("SELECT count(*) FROM messages WHERE conversation_id = ?", alicesConversation)).isZero();

        long message = insertMessage(alicesConversation, alice, "user", "Mine");
        assertRejected(() -> update("UPDATE messages SET user_id = ? WHERE id = ?", bob, message),
                FOREIGN_KEY_VIOLATION, "messages_conversation_fkey");
    }

    @Test
    void insertingAMessage_movesItsConversationsUpdatedAt() throws SQLException {
        long user = insertUser();
        long conversation = insertConversation(user);
        long other = insertConversation(user);
        OffsetDateTime before = updatedAtOfConversation(conversation);
        OffsetDateTime otherBefore = updatedAtOfConversation(other);

        insertMessage(conversation, user, "user", "Anyone there?");

        assertThat(updatedAtOfConversation(conversation)).isAfter(before);
        assertThat(updatedAtOfConversation(other)).isEqualTo(otherBefore);
    }

    // ---------------------------------------------------------------- cascades

    @Test
    void deletingAUser_deletesItsTasksConversationsAndMessages_andNoOneElses() throws SQLException {
        long leaving = insertUser();
        long staying = insertUser();
        for (long user : new long[] {leaving, staying}) {
            insertTask(user, "Task");
            long conversation = insertConversation(user);
            insertMessage(conversation, user, "user", "Question");
            insertMessage(conversation, user, "assistant", "Answer");
        }
        assertThat(ownedBy(leaving)).isEqualTo(new Owned(1, 1, 2));

        assertThat(update("DELETE FROM users WHERE id = ?", leaving)).isOne();

        assertThat(ownedBy(leaving)).isEqualTo(new Owned(0, 0, 0));
        assertThat(ownedBy(staying)).isEqualTo(new Owned(1, 1, 2));
    }

    @Test
    void deletingAConversation_deletesItsMessages_andNoOtherRows() throws SQLException {
        long user = insertUser();
        insertTask(user, "Task");
        long deleted = insertConversation(user);
        long kept = insertConversation(user);
        insertMessage(deleted, user, "user", "Bye");
        insertMessage(kept, user, "user", "Hi");

        assertThat(update("DELETE FROM conversations WHERE id = ?", deleted)).isOne();

        assertThat(count("SELECT count(*) FROM messages WHERE conversation_id = ?", deleted)).isZero();
        assertThat(count("SELECT count(*) FROM messages WHERE conversation_id = ?", kept)).isOne();
        assertThat(ownedBy(user)).isEqualTo(new Owned(1, 1, 1));
    }

    // ---------------------------------------------------------------- NUL characters

    /** PostgreSQL text cannot hold U+0000, so the application has to refuse it before it gets here. */
    @Test
    void nulCharacters_areRefusedByEveryTextColumn() throws SQLException {
        String nul = "a\u0000b";
        long user = insertUser();
        long conversation = insertConversation(user);

        assertNulRefused(() -> insertUser("a\u0000-" + uniqueEmail()));
        assertNulRefused(() -> insertUser(uniqueEmail(), nul));
        assertNulRefused(() -> insertTask(user, nul));
        assertNulRefused(() -> update(
                "INSERT INTO tasks (user_id, title, description) VALUES (?, 'Read', ?)", user, nul));
        assertNulRefused(() -> insertMessage(conversation, user, "user", nul));
        assertThat(ownedBy(user)).isEqualTo(new Owned(0, 1, 0));
    }

    // ---------------------------------------------------------------- rows

    private static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.io";
    }

    /** A valid, unique, lower-case address of exactly {@code length} characters. */
    private static String emailOfLength(int length) {
        String domain = "@" + UUID.randomUUID() + ".io";
        return "x".repeat(length - domain.length()) + domain;
    }

    private static long insertUser() throws SQLException {
        return insertUser(uniqueEmail());
    }

    private static long insertUser(String email) throws SQLException {
        return insertUser(email, null);
    }

    private static long insertUser(String email, String name) throws SQLException {
        return insertUser(email, name, BCRYPT_HASH);
    }

    private static long insertUser(String email, String name, String passwordHash) throws SQLException {
        return queryOne(Long.class, """
                INSERT INTO users (email, name, password_hash) VALUES (?, ?, ?) RETURNING id
                """, email, name, passwordHash);
    }

    private static long insertTask(long userId, String title) throws SQLException {
        return queryOne(Long.class, "INSERT INTO tasks (user_id, title) VALUES (?, ?) RETURNING id", userId, title);
    }

    private static long insertConversation(long userId) throws SQLException {
        return queryOne(Long.class, "INSERT INTO conversations (user_id) VALUES (?) RETURNING id", userId);
    }

    private static long insertMessage(long conversationId, long userId, String role, String content)
            throws SQLException {
        return queryOne(Long.class, """
                INSERT INTO messages (conversation_id, user_id, role, content) VALUES (?, ?, ?, ?) RETURNING id
                """, conversationId, userId, role, content);
    }

    /** A new row, with whatever rows it needs, in one of the tables. */
    private static long insertRowInto(String table) throws SQLException {
        return switch (table) {
            case "users" -> insertUser();
            case "tasks" -> insertTask(insertUser(), "Task");
            case "conversations" -> insertConversation(insertUser());
            case "messages" -> {
                long user = insertUser();
                yield insertMessage(insertConversation(user), user, "user", "Message");
            }
            default -> throw new IllegalArgumentException("no such table: " + table);
        };
    }

    private static OffsetDateTime timestamp(String column, String table, long id) throws SQLException {
        return queryOne(OffsetDateTime.class, "SELECT %s FROM %s WHERE id = ?".formatted(column, table), id);
    }

    private static OffsetDateTime updatedAtOfConversation(long conversationId) throws SQLException {
        return timestamp("updated_at", "conversations", conversationId);
    }

    private record Owned(long tasks, long conversations, long messages) {
    }

    private static Owned ownedBy(long userId) throws SQLException {
        try (PreparedStatement statement = prepare("""
                SELECT (SELECT count(*) FROM tasks WHERE user_id = ?),
                       (SELECT count(*) FROM conversations WHERE user_id = ?),
                       (SELECT count(*) FROM messages WHERE user_id = ?)
                """, userId, userId, userId);
             ResultSet rows = statement.executeQuery()) {
            assertThat(rows.next()).isTrue();
            return new Owned(rows.getLong(1), rows.getLong(2), rows.getLong(3));
        }
    }

    // ---------------------------------------------------------------- plain JDBC

    private static PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    /** Runs one statement; returns how many rows it changed. */
    private static int update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    /** The single value a query, or a statement with RETURNING, answers. */
    private static <T> T queryOne(Class<T> type, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet rows = statement.executeQuery()) {
            assertThat(rows.next()).as("a row from %s", sql).isTrue();
            T value = rows.getObject(1, type);
            assertThat(rows.next()).as("only one row from %s", sql).isFalse();
            return value;
        }
    }

    private static long count(String sql, Object... parameters) throws SQLException {
        return queryOne(Long.class, sql, parameters);
    }

    @FunctionalInterface
    private interface SqlWork {
        void run() throws SQLException;
    }

    /** Runs the work in one transaction and always rolls it back, even schema changes. */
    private static void inRolledBackTransaction(SqlWork work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            work.run();
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    // ---------------------------------------------------------------- assertions

    /** Asserts that the statement fails with the SQLSTATE; answers the server's error for further checks. */
    private static ServerErrorMessage assertFails(ThrowingCallable statement, String sqlState) {
        Throwable thrown = catchThrowable(statement);
        assertThat(thrown).as("expected SQLSTATE %s", sqlState).isInstanceOf(PSQLException.class);
        PSQLException error = (PSQLException) thrown;
        assertThat(error.getSQLState()).as(error.getMessage()).isEqualTo(sqlState);
        return error.getServerErrorMessage();
    }

    private static void assertRejected(ThrowingCallable statement, String sqlState, String constraint) {
        assertThat(assertFails(statement, sqlState).getConstraint()).isEqualTo(constraint);
    }

    private static void assertRejectedNull(ThrowingCallable statement, String column) {
        assertThat(assertFails(statement, NOT_NULL_VIOLATION).getColumn()).isEqualTo(column);
    }

    private static void assertNulRefused(ThrowingCallable statement) {
        Throwable thrown = catchThrowable(statement);
        assertThat(thrown).as("a NUL character must be refused").isInstanceOf(SQLException.class);
        assertThat(((SQLException) thrown).getSQLState()).as(thrown.getMessage()).isIn(NUL_REFUSED);
    }
}
