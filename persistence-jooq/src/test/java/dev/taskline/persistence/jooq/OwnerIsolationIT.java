package dev.taskline.persistence.jooq;

import dev.taskline.domain.model.change.Change;
import dev.taskline.domain.model.conversation.Conversation;
import dev.taskline.domain.model.conversation.Message;
import dev.taskline.domain.model.page.Keyset;
import dev.taskline.domain.model.page.PageRequest;
import dev.taskline.domain.model.task.Task;
import dev.taskline.domain.model.task.TaskFilter;
import dev.taskline.domain.model.task.TaskPatch;
import dev.taskline.domain.model.task.TaskStatus;
import dev.taskline.domain.model.user.User;
import dev.taskline.domain.model.user.UserId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static dev.taskline.persistence.jooq.TestData.aMessage;
import static dev.taskline.persistence.jooq.TestData.aTask;
import static dev.taskline.persistence.jooq.generated.Tables.CONVERSATIONS;
import static dev.taskline.persistence.jooq.generated.Tables.MESSAGES;
import static dev.taskline.persistence.jooq.generated.Tables.TASKS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * User B holds the ids of user A's rows and tries every repository method on them: each answers as
 * if the row did not exist, and A's rows are exactly as they were afterwards.
 */
class OwnerIsolationIT {

    @RegisterExtension
    static final PersistenceFixture db = new PersistenceFixture();

    private PersistencePorts ports;
    private UserId alice;
    private UserId bob;
    private Task alicesTask;
    private Conversation alicesConversation;
    private List<Message> alicesMessages;
    private Task bobsTask;
    private Conversation bobsConversation;

    @BeforeEach
    void aliceAndBobEachHaveATaskAndAConversation() {
        ports = db.ports();
        alice = db.newUser();
        bob = db.newUser();
        alicesTask = ports.tasks().insert(alice, aTask().titled("Alice's secret").withStatus(TaskStatus.COMPLETED).build());
        alicesConversation = ports.conversations().insert(alice);
        alicesMessages = List.of(
                ports.messages().append(alice, alicesConversation.id(), aMessage().saying("for Alice only").build()).orElseThrow(),
                ports.messages().append(alice, alicesConversation.id(), aMessage().saying("still private").build()).orElseThrow());
        alicesConversation = ports.conversations().find(alice, alicesConversation.id()).orElseThrow();
        bobsTask = ports.tasks().insert(bob, aTask().titled("Bob's own").withStatus(TaskStatus.COMPLETED).build());
        bobsConversation = ports.conversations().insert(bob);
    }

    @AfterEach
    void alicesRowsAreUnchanged() {
        assertThat(ports.tasks().find(alice, alicesTask.id())).contains(alicesTask);
        assertThat(ports.conversations().find(alice, alicesConversation.id())).contains(alicesConversation);
        assertThat(ports.messages().list(alice, alicesConversation.id(), PageRequest.first(10)).items())
                .containsExactlyElementsOf(alicesMessages);
        assertThat(db.dsl().fetchCount(TASKS, TASKS.USER_ID.eq(alice.value()))).isEqualTo(1);
        assertThat(db.dsl().fetchCount(CONVERSATIONS, CONVERSATIONS.USER_ID.eq(alice.value()))).isEqualTo(1);
        assertThat(db.dsl().fetchCount(MESSAGES, MESSAGES.CONVERSATION_ID.eq(alicesConversation.id().value()))).isEqualTo(2);
    }

    @Test
    void anotherUser_cannotFindTheTask() {
        assertThat(ports.tasks().find(bob, alicesTask.id())).isEmpty();
    }

    @Test
    void anotherUser_cannotLockTheTask() {
        assertThat(ports.transactions().inTransaction(() -> ports.tasks().findForUpdate(bob, alicesTask.id()))).isEmpty();
    }

    @Test
    void anotherUser_seesOnlyTheirOwnTasks_whateverTheFilter() {
        List<TaskFilter> filters = List.of(
                TaskFilter.none(),
                new TaskFilter(Optional.of(TaskStatus.COMPLETED), Optional.empty()),
                new TaskFilter(Optional.empty(), Optional.of(true)));

        for (TaskFilter filter : filters) {
            assertThat(ports.tasks().list(bob, filter, PageRequest.first(100)).items()).as(filter.toString())
                    .containsExactly(bobsTask);
        }
    }

    @Test
    void anotherUser_cannotReachTheTasks_withACursorTakenFromThem() {
        Keyset alicesPosition = new Keyset(alicesTask.createdAt().plusSeconds(1), alicesTask.id().value() + 1);

        assertThat(ports.tasks().list(bob, TaskFilter.none(), new PageRequest(100, Optional.of(alicesPosition))).items())
                .containsExactly(bobsTask);
    }

    @Test
    void anotherUser_cannotUpdateTheTask() {
        assertThat(ports.tasks().update(bob, alicesTask.id(), aTask().titled("Bob was here").build())).isEmpty();
    }

    @Test
    void anotherUser_cannotPatchTheTask_withOrWithoutItsVersion() {
        TaskPatch patch = TaskPatch.of(Change.set("Bob was here"), Change.clear(), Change.set("completed"), Change.keep(), Change.clear());
        assertThat(ports.tasks().applyIfChanged(bob, alicesTask.id(), patch, OptionalLong.empty())).isEmpty();
        assertThat(ports.tasks().applyIfChanged(bob, alicesTask.id(), patch, OptionalLong.of(alicesTask.version()))).isEmpty();
    }

    @Test
    void anotherUser_cannotDeleteTheTask() {
        assertThat(ports.tasks().delete(bob, alicesTask.id())).isFalse();
    }

    @Test
    void anotherUser_cannotFindTheConversation() {
        assertThat(ports.conversations().find(bob, alicesConversation.id())).isEmpty();
    }

    @Test
    void anotherUser_seesOnlyTheirOwnConversations() {
        assertThat(ports.conversations().list(bob, PageRequest.first(100)).items()).containsExactly(bobsConversation);
    }

    @Test
    void anotherUser_cannotDeleteTheConversation() {
        assertThat(ports.conversations().delete(bob, alicesConversation.id())).isFalse();
    }

    @Test
    void anotherUser_cannotAppendToTheConversation_norMoveItsUpdatedAt() {
        assertThat(ports.messages().append(bob, alicesConversation.id(), aMessage().saying("injected").build())).isEmpty();
    }

    @Test
    void anotherUser_cannotListTheMessages() {
        assertThat(ports.messages().list(bob, alicesConversation.id(), PageRequest.first(100)).items()).isEmpty();
    }

    @Test
    void anotherUsersUpdateOfTheirOwnAccount_leavesTheFirstAccountAlone() {
        User alicesAccount = ports.users().find(alice).orElseThrow();
        User bobsAccount = ports.users().find(bob).orElseThrow();

        ports.users().update(bob, bobsAccount.writableState()).orElseThrow();
        ports.users().delete(bob);

        assertThat(ports.users().find(alice)).contains(alicesAccount);
    }
}
