package dev.taskline.http.javalin;

import dev.taskline.domain.error.Conflict;
import dev.taskline.domain.error.NotFound;
import dev.taskline.domain.error.PreconditionFailed;
import dev.taskline.domain.error.Unauthenticated;
import dev.taskline.domain.error.Unavailable;
import dev.taskline.domain.model.conversation.Conversation;
import dev.taskline.domain.model.conversation.ConversationId;
import dev.taskline.domain.model.conversation.Message;
import dev.taskline.domain.model.conversation.MessageId;
import dev.taskline.domain.model.page.Keyset;
import dev.taskline.domain.model.page.Page;
import dev.taskline.domain.model.task.Task;
import dev.taskline.domain.model.task.TaskDetails;
import dev.taskline.domain.model.task.TaskId;
import dev.taskline.domain.model.task.TaskStatus;
import dev.taskline.domain.model.task.TaskTitle;
import dev.taskline.domain.model.user.Email;
import dev.taskline.domain.model.user.PasswordHash;
import dev.taskline.domain.model.user.User;
import dev.taskline.domain.model.user.UserId;
import dev.taskline.domain.port.in.AuthenticateUseCase;
import dev.taskline.domain.port.in.GetAccountUseCase;
import dev.taskline.domain.port.in.RegisterUserUseCase;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Use cases answering fixed domain objects, enough to drive every HTTP path without a database.
 * User 1 exists, user 2 was deleted; task 7 exists at version 3; conversation 5 exists. Task 500
 * fails unexpectedly (with SQL in its message), task 501 with an {@link Error}, task 503 finds the
 * database down.
 */
final class FakeUseCases {

    static final Instant CREATED = Instant.parse("2026-11-22T10:15:30.123456Z");
    static final Instant UPDATED = Instant.parse("2026-11-22T10:15:31.5Z");
    static final UserId ALICE_ID = new UserId(1);
    static final UserId DELETED_ID = new UserId(2);
    static final User ALICE = new User(ALICE_ID, new Email("alice@example.com"), Optional.empty(),
            new PasswordHash("$2a$10$abcdefghijklmnopqrstuuFakeHashThatMustNeverBeSentOut"), CREATED, UPDATED);
    static final String ALICE_PASSWORD = "correct horse";
    static final Task TASK = new Task(new TaskId(7), ALICE_ID,
            new TaskDetails(new TaskTitle("Buy milk"), Optional.empty(), TaskStatus.PENDING, Optional.empty()), 3, CREATED, UPDATED);
    static final Conversation CONVERSATION = new Conversation(new ConversationId(5), ALICE_ID, CREATED, UPDATED);

    /** The last owner a use case was called for: proves the user comes from the token. */
    static final AtomicReference<UserId> lastOwner = new AtomicReference<>();

    private FakeUseCases() {
    }

    static UseCases create() {
        return new UseCases(
                command -> {
                    if (command.email().value().equals("taken@example.com")) {
                        throw Conflict.emailTaken();
                    }
                    return new User(new UserId(3), command.email(), command.name(), new PasswordHash("$2a$10$x"), CREATED, CREATED);
                },
                command -> {
                    if (command.email().equals(ALICE.email().value()) && command.password().value().equals(ALICE_PASSWORD)) {
                        return ALICE;
                    }
                    throw Unauthenticated.badCredentials();
                },
                user -> {
                    if (user.equals(ALICE_ID)) {
                        return ALICE;
                    }
                    throw NotFound.account();
                },
                (user, command) -> ALICE,
                user -> lastOwner.set(user),
                (owner, command) -> {
                    lastOwner.set(owner);
                    return new Task(new TaskId(8), owner, command.details(), 0, CREATED, CREATED);
                },
                (owner, id) -> {
                    lastOwner.set(owner);
                    return task(id);
                },
                (owner, filter, page) -> {
                    lastOwner.set(owner);
                    return new Page<>(List.of(TASK), Optional.of(new Keyset(TASK.createdAt(), TASK.id().value())));
                },
                (owner, id, patch, expectedVersion) -> {
                    Task current = task(id);
                    if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
                        throw PreconditionFailed.staleVersion(expectedVersion.getAsLong(), current.version());
                    }
                    return new Task(current.id(), owner, current.details().apply(patch), current.version() + 1, CREATED, UPDATED);
                },
                (owner, id) -> task(id),
                owner -> CONVERSATION,
                (owner, id) -> conversation(id),
                (owner, page) -> new Page<>(List.of(CONVERSATION), Optional.empty()),
                (owner, id) -> conversation(id),
                (owner, id, message) -> new Message(new MessageId(9), conversation(id).id(), message.role(), message.content(), CREATED),
                (owner, id, page) -> {
                    conversation(id);
                    return Page.empty();
                });
    }

    /** The fakes, with registration, login and the account look-up replaced (by real services, or by counting wrappers). */
    static UseCases withAccounts(RegisterUserUseCase register, AuthenticateUseCase authenticate, GetAccountUseCase getAccount) {
        UseCases fake = create();
        return new UseCases(register, authenticate, getAccount, fake.updateAccount(), fake.deleteAccount(),
                fake.createTask(), fake.getTask(), fake.listTasks(), fake.updateTask(), fake.deleteTask(),
                fake.createConversation(), fake.getConversation(), fake.listConversations(), fake.deleteConversation(),
                fake.appendMessage(), fake.listMessages());
    }

    private static Task task(TaskId id) {
        if (id.value() == 500) {
            throw new IllegalStateException("ERROR: column \"secret\" does not exist; SELECT secret FROM tasks");
        }
        if (id.value() == 501) {
            throw new AssertionError("an Error, not an Exception: SELECT secret FROM tasks");
        }
        if (id.value() == 503) {
            throw new Unavailable(new SQLException("Connection to db.internal:5432 refused"));
        }
        if (!id.equals(TASK.id())) {
            throw NotFound.task(id);
        }
        return TASK;
    }

    private static Conversation conversation(ConversationId id) {
        if (!id.equals(CONVERSATION.id())) {
            throw NotFound.conversation(id);
        }
        return CONVERSATION;
    }
}
