package dev.taskline.persistence.jooq;

import dev.taskline.domain.model.conversation.Conversation;
import dev.taskline.domain.model.conversation.ConversationId;
import dev.taskline.domain.model.conversation.Message;
import dev.taskline.domain.model.page.Page;
import dev.taskline.domain.model.task.Task;
import dev.taskline.domain.model.task.TaskFilter;
import dev.taskline.domain.model.task.TaskId;
import dev.taskline.domain.model.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static dev.taskline.persistence.jooq.TestData.aMessage;
import static dev.taskline.persistence.jooq.TestData.aTask;
import static dev.taskline.persistence.jooq.generated.Tables.MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.generateSeries;
import static org.jooq.impl.DSL.val;

/**
 * Keyset pages are exact: walking every page sees each row that existed before the walk exactly
 * once, even while rows are being added, and rows sharing a timestamp are neither skipped nor
 * repeated where a page boundary falls among them.
 */
class KeysetPaginationIT {
    private static final int LIMIT = 7;
    /** Few enough to be all appended before the walk ends (it gains 6 messages a page on them). */
    private static final int APPENDED_DURING_WALK = 10;

    @RegisterExtension
    static final PersistenceFixture db = new PersistenceFixture();

    @Test
    void walkingTasks_whileTasksAreAdded_seesEveryEarlierTaskExactlyOnce() throws Exception {
        PersistencePorts ports = db.ports();
        UserId walker = db.newUser();
        UserId other = db.newUser();
        Set<TaskId> before = new HashSet<>();
        for (int n = 0; n < 250; n++) {
            before.add(ports.tasks().insert(walker, aTask().titled("before " + n).build()).id());
        }
        AtomicInteger addedBetweenPages = new AtomicInteger();

        List<Task> seen;
        try (var writer = BackgroundWriter.start(() -> {
            ports.tasks().insert(walker, aTask().titled("concurrent").build());
            ports.tasks().insert(other, aTask().titled("someone else's").build());
        })) {
            List<Page<Task>> pages = Paging.pages(LIMIT, page -> ports.tasks().list(walker, TaskFilter.none(), page), () -> {
                ports.tasks().insert(walker, aTask().titled("between pages").build());
                ports.tasks().insert(other, aTask().titled("between pages, someone else's").build());
                addedBetweenPages.incrementAndGet();
            });
            seen = Paging.items(pages);
            assertThat(pages).allSatisfy(page -> assertThat(page.items()).hasSizeLessThanOrEqualTo(LIMIT));
            assertThat(writer.stop()).as("tasks written by the concurrent thread during the walk").isPositive();
        }

        List<TaskId> seenIds = seen.stream().map(Task::id).toList();
        assertThat(seenIds).doesNotHaveDuplicates();
        assertThat(seenIds).containsAll(before);
        assertThat(seen).allSatisfy(task -> assertThat(task.owner()).isEqualTo(walker));
        assertThat(seen).isSortedAccordingTo(TaskRepositoryContract.NEWEST_FIRST);
        assertThat(addedBetweenPages.get()).isGreaterThanOrEqualTo(250 / LIMIT);
    }

    @Test
    void walkingMessages_whileMessagesAreAppended_seesEachOnce_withTheNewOnesAtTheEnd() throws Exception {
        PersistencePorts ports = db.ports();
        UserId owner = db.newUser();
        UserId other = db.newUser();
        ConversationId walked = ports.conversations().insert(owner).id();
        ConversationId sibling = ports.conversations().insert(owner).id();
        ConversationId othersConversation = ports.conversations().insert(other).id();
        List<Message> before = new ArrayList<>();
        for (int n = 0; n < 100; n++) {
            before.add(ports.messages().append(owner, walked, aMessage().saying("before " + n).build()).orElseThrow());
        }
        List<Message> appendedDuringWalk = new ArrayList<>();

        List<Message> seen;
        try (var writer = BackgroundWriter.start(() -> {
            ports.messages().append(owner, sibling, aMessage().saying("sibling").build()).orElseThrow();
            ports.messages().append(other, othersConversation, aMessage().saying("someone else's").build()).orElseThrow();
        })) {
            seen = Paging.items(Paging.pages(LIMIT, page -> ports.messages().list(owner, walked, page), () -> {
                if (appendedDuringWalk.size() < APPENDED_DURING_WALK) {
                    appendedDuringWalk.add(ports.messages().append(owner, walked,
                            aMessage().saying("during " + appendedDuringWalk.size()).build()).orElseThrow());
                }
            }));
            assertThat(writer.stop()).as("messages written by the concurrent thread during the walk").isPositive();
        }

        assertThat(appendedDuringWalk).hasSize(APPENDED_DURING_WALK);
        List<Message> expected = new ArrayList<>(before);
        expected.addAll(appendedDuringWalk);
        assertThat(seen).extracting(Message::id).doesNotHaveDuplicates();
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(seen).allSatisfy(message -> assertThat(message.conversationId()).isEqualTo(walked));
        assertThat(seen).hasSize(db.dsl().fetchCount(MESSAGES, MESSAGES.CONVERSATION_ID.eq(walked.value())));
    }

    @Test
    void tasksSharingCreatedAt_areNeitherSkippedNorRepeated_whereverThePagesBreak() {
        PersistencePorts ports = db.ports();
        UserId owner = db.newUser();
        List<Task> inserted = new ArrayList<>(insertTasks(ports, owner, "older", 3));
        // One transaction: now() is the same for all of them.
        List<Task> sameInstant = ports.transactions().inTransaction(() -> insertTasks(ports, owner, "same instant", 11));
        inserted.addAll(sameInstant);
        inserted.addAll(insertTasks(ports, owner, "newer", 3));
        assertThat(sameInstant).extracting(Task::createdAt).containsOnly(sameInstant.getFirst().createdAt());
        List<Task> expected = inserted.reversed();

        for (int limit = 1; limit <= 18; limit++) {
            int pageSize = limit;
            assertThat(Paging.all(pageSize, page -> ports.tasks().list(owner, TaskFilter.none(), page)))
                    .as("pages of %d", pageSize)
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void messagesSharingCreatedAt_areNeitherSkippedNorRepeated_whereverThePagesBreak() {
        PersistencePorts ports = db.ports();
        UserId owner = db.newUser();
        Conversation conversation = ports.conversations().insert(owner);
        List<Message> older = appendMessages(ports, owner, conversation.id(), "older", 2);
        List<Long> expected = new ArrayList<>(ids(older));
        // Appends are stamped with clock_timestamp(), so ties only come from plain SQL: nine rows, one instant.
        Instant shared = older.getLast().createdAt().plus(1, ChronoUnit.MICROS);
        List<Long> sameInstant = db.dsl().insertInto(MESSAGES,
                        MESSAGES.CONVERSATION_ID, MESSAGES.USER_ID, MESSAGES.ROLE, MESSAGES.CONTENT, MESSAGES.CREATED_AT)
                .select(db.dsl().select(val(conversation.id().value()), val(owner.value()), val("user"),
                                val("same instant"), val(shared))
                        .from(generateSeries(1, 9)))
                .returning(MESSAGES.ID)
                .fetch(MESSAGES.ID);
        assertThat(db.dsl().selectCount().from(MESSAGES)
                .where(MESSAGES.ID.in(sameInstant))
                .groupBy(MESSAGES.CREATED_AT).fetch()).hasSize(1);
        expected.addAll(sameInstant.stream().sorted().toList());
        expected.addAll(ids(appendMessages(ports, owner, conversation.id(), "newer", 2)));

        for (int limit = 1; limit <= 14; limit++) {
            int pageSize = limit;
            assertThat(ids(Paging.all(pageSize, page -> ports.messages().list(owner, conversation.id(), page))))
                    .as("pages of %d", pageSize)
                    .containsExactlyElementsOf(expected);
        }
    }

    private static List<Long> ids(List<Message> messages) {
        return messages.stream().map(message -> message.id().value()).toList();
    }

    private static List<Task> insertTasks(PersistencePorts ports, UserId owner, String title, int count) {
        return IntStream.range(0, count)
                .mapToObj(n -> ports.tasks().insert(owner, aTask().titled(title + " " + n).build()))
                .toList();
    }

    private static List<Message> appendMessages(PersistencePorts ports, UserId owner, ConversationId conversation,
                                                String content, int count) {
        return IntStream.range(0, count)
                .mapToObj(n -> ports.messages().append(owner, conversation, aMessage().saying(content + " " + n).build()).orElseThrow())
                .toList();
    }

    /** Repeats a write on its own thread until stopped; {@link #stop()} tells how many times it ran. */
    private static final class BackgroundWriter implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger writes = new AtomicInteger();
        private final CompletableFuture<Void> loop;

        private BackgroundWriter(Runnable write) {
            loop = CompletableFuture.runAsync(() -> {
                while (running.get()) {
                    write.run();
                    writes.incrementAndGet();
                }
            }, runnable -> Thread.ofPlatform().name("background-writer").start(runnable));
        }

        static BackgroundWriter start(Runnable write) {
            return new BackgroundWriter(write);
        }

        /** Stops the writes, rethrowing a failure of any of them, and returns how many ran. */
        int stop() throws Exception {
            running.set(false);
            loop.get(10, TimeUnit.SECONDS);
            return writes.get();
        }

        @Override
        public void close() throws Exception {
            if (running.get()) {
                stop();
            }
        }
    }
}
