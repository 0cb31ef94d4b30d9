package dev.taskline.persistence.jooq;

import dev.taskline.domain.model.change.Change;
import dev.taskline.domain.model.page.Keyset;
import dev.taskline.domain.model.page.Page;
import dev.taskline.domain.model.page.PageRequest;
import dev.taskline.domain.model.task.Task;
import dev.taskline.domain.model.task.TaskDetails;
import dev.taskline.domain.model.task.TaskFilter;
import dev.taskline.domain.model.task.TaskId;
import dev.taskline.domain.model.task.TaskPatch;
import dev.taskline.domain.model.task.TaskStatus;
import dev.taskline.domain.model.user.UserId;
import dev.taskline.domain.port.out.TaskRepository;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static dev.taskline.domain.model.task.TaskStatus.COMPLETED;
import static dev.taskline.domain.model.task.TaskStatus.IN_PROGRESS;
import static dev.taskline.domain.model.task.TaskStatus.PENDING;
import static dev.taskline.persistence.jooq.TestData.aTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link TaskRepository} must do; an implementation's test extends this class. */
abstract class TaskRepositoryContract {
    /** The order of every task list: newest first, ties broken by the higher id. */
    static final Comparator<Task> NEWEST_FIRST = Comparator.comparing(Task::createdAt)
            .thenComparing(task -> task.id().value())
            .reversed();

    protected abstract PersistencePorts ports();

    private TaskRepository tasks() {
        return ports().tasks();
    }

    @Test
    void insert_returnsTheStoredTask_atVersionOne_withEqualTimestamps() {
        UserId owner = ports().newOwner();
        TaskDetails details = aTask().titled("File the taxes").describedAs("Before the deadline")
                .withStatus(IN_PROGRESS).dueOn(LocalDate.of(2027, 4, 30)).build();

        Task inserted = tasks().insert(owner, details);

        assertThat(inserted.id().value()).isPositive();
        assertThat(inserted.owner()).isEqualTo(owner);
        assertThat(inserted.details()).isEqualTo(details);
        assertThat(inserted.version()).isEqualTo(1);
        assertThat(inserted.updatedAt()).isEqualTo(inserted.createdAt());
        assertThat(tasks().find(owner, inserted.id())).contains(inserted);
    }

    @Test
    void insert_withOnlyATitle_leavesTheOptionalFieldsEmpty_andThePendingStatus() {
        UserId owner = ports().newOwner();

        Task inserted = tasks().insert(owner, aTask().titled("Just a title").build());

        Task found = tasks().find(owner, inserted.id()).orElseThrow();
        assertThat(found.description()).isEmpty();
        assertThat(found.dueDate()).isEmpty();
        assertThat(found.status()).isEqualTo(PENDING);
        assertThat(found.completed()).isFalse();
    }

    @Test
    void insert_keepsUnicodeAndWhitespaceExactly() {
        UserId owner = ports().newOwner();
        String emojiTitle = "\uD83D\uDE80".repeat(200);
        String description = "  two leading spaces, a tab\tand a trailing newline\n";

        Task inserted = tasks().insert(owner, aTask().titled(emojiTitle).describedAs(description).build());

        Task found = tasks().find(owner, inserted.id()).orElseThrow();
        assertThat(found.title().value()).isEqualTo(emojiTitle);
        assertThat(found.description().orElseThrow().value()).isEqualTo(description);
    }

    @Test
    void find_ofAnUnknownId_returnsEmpty() {
        UserId owner = ports().newOwner();
        Task task = tasks().insert(owner, aTask().build());

        assertThat(tasks().find(owner, new TaskId(task.id().value() + 1_000_000))).isEmpty();
    }

    @Test
    void findForUpdate_returnsTheTask_likeFind() {
        UserId owner = ports().newOwner();
        Task task = tasks().insert(owner, aTask().build());

        Optional<Task> locked = ports().transactions().inTransaction(() -> tasks().findForUpdate(owner, task.id()));

        assertThat(locked).contains(task);
        assertThat(ports().transactions().inTransaction(() -> tasks().findForUpdate(owner, new TaskId(task.id().value() + 1_000_000))))
                .isEmpty();
    }

    @Test
    void findForUpdate_holdsTheRow_untilItsTransactionEnds() throws Exception {
        UserId owner = ports().newOwner();
        Task task = tasks().insert(owner, aTask().titled("Contended").build());
        TaskDetails rival = aTask().titled("Written by the rival").build();
        AtomicReference<CompletableFuture<Task>> rivalWrite = new AtomicReference<>();

        ports().transactions().inTransaction(() -> {
            tasks().findForUpdate(owner, task.id()).orElseThrow();
            rivalWrite.set(CompletableFuture.supplyAsync(() ->
                    ports().transactions().inTransaction(() -> tasks().update(owner, task.id(), rival).orElseThrow())));
            assertThatThrownBy(() -> rivalWrite.get().get(300, TimeUnit.MILLISECONDS))
                    .as("the rival's update waits for the lock")
                    .isInstanceOf(TimeoutException.class);
        });

        Task written = rivalWrite.get().get(10, TimeUnit.SECONDS);
        assertThat(written.title().value()).isEqualTo("Written by the rival");
        assertThat(written.version()).isEqualTo(2);
    }

    @Test
    void find_withoutForUpdate_doesNotHoldTheRow() throws Exception {
        // The counterpart of the test above: proves that its waiting rival is caused by the lock.
        UserId owner = ports().newOwner();
        Task task = tasks().insert(owner, aTask().build());

        Task written = ports().transactions().inTransaction(() -> {
            tasks().find(owner, task.id()).orElseThrow();
            try {
                return CompletableFuture.supplyAsync(() -> ports().transactions().inTransaction(() ->
                                tasks().update(owner, task.id(), aTask().titled("Not blocked").build()).orElseThrow()))
                        .get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("the rival's update should not wait", e);
            }
        });

        assertThat(written.version()).isEqualTo(2);
    }

    @Test
    void update_replacesEveryWritableField_bumpsTheVersion_movesUpdatedAt_andKeepsCreatedAt() {
        UserId owner = ports().newOwner();
        Task before = tasks().insert(owner, aTask().titled("Before").build());
        TaskDetails changed = aTask().titled("After").describedAs("now described").withStatus(COMPLETED)
                .dueOn(LocalDate.of(2027, 1, 2)).build();

        Task updated = tasks().update(owner, before.id(), changed).orElseThrow();

        assertThat(updated.id()).isEqualTo(before.id());
        assertThat(updated.details()).isEqualTo(changed);
        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.createdAt()).isEqualTo(before.createdAt());
        assertThat(updated.updatedAt()).isAfter(before.updatedAt());
        assertThat(tasks().find(owner, before.id())).contains(updated);
    }

    @Test
    void update_bumpsTheVersionByOneOnEveryWrite() {
        UserId owner = ports().newOwner();
        Task task = tasks().insert(owner, aTask().build());

        Task second = tasks().update(owner, task.id(), aTask().titled("second").build()).orElseThrow();
        Task third = tasks().update(owner, task.id(), aTask().titled("third").build()).orElseThrow();

        assertThat(List.of(task.version(), second.version(), third.version())).containsExactly(1L, 2L, 3L);
        assertThat(third.updatedAt()).isAfter(second.updatedAt());
        assertThat(third.createdAt()).isEqualTo(task.createdAt());
    }

    @Test
    void update_canClearTheDescriptionAndTheDueDate() {
        UserId owner = ports().newOwner();
        Task task = tasks().insert(owner, aTask().describedAs("to be removed").dueOn(LocalDate.of(2027, 5, 1)).build());

        Task updated = tasks().update(owner, task.id(), aTask().build()).orElseThrow();

        assertThat(updated.description()).isEmpty();
        assertThat(updated.dueDate()).isEmpty();
        assertThat(tasks().find(owner, task.id()).orElseThrow().description()).isEmpty();
    }

    @Test
    void applyIfChanged_writesOnlyThePatchedFields_bumpsTheVersion_andMovesUpdatedAt() {
        UserId owner = ports().newOwner();
        Task before = tasks().insert(owner, aTask().titled("Before").describedAs("kept").withStatus(IN_PROGRESS)
                .dueOn(LocalDate.of(2027, 1, 2)).build());

        Task after = tasks().applyIfChanged(owner, before.id(),
                patch(Change.set("After"), Change.keep(), Change.keep(), Change.clear()), OptionalLong.of(1)).orElseThrow();

        assertThat(after.title().value()).isEqualTo("After");
        assertThat(after.description().orElseThrow().value()).isEqualTo("kept");
        assertThat(after.status()).isEqualTo(IN_PROGRESS);
        assertThat(after.dueDate()).isEmpty();
        assertThat(after.version()).isEqualTo(2);
        assertThat(after.createdAt()).isEqualTo(before.createdAt());
        assertThat(after.updatedAt()).isAfter(before.updatedAt());
        assertThat(tasks().find(owner, before.id())).contains(after);
    }

    @Test
    void applyIfChanged_withoutAnExpectedVersion_appliesToWhateverVersionIsStored() {
        UserId owner = ports().newOwner();
        Task task = tasks().insert(owner, aTask().titled("one").build());
        tasks().update(owner, task.id(), aTask().titled("two").build()).orElseThrow();

        Task after = tasks().applyIfChanged(owner, task.id(),
                patch(Change.keep(), Change.set("described"), Change.set("completed"), Change.set("2027-03-04")), OptionalLong.empty())
                .orElseThrow();

        assertThat(after.version()).isEqualTo(3);
        assertThat(after.details()).isEqualTo(aTask().titled("two").describedAs("described").withStatus(COMPLETED)
                .dueOn(LocalDate.of(2027, 3, 4)).build());
    }

    @Test
    void applyIfChanged_atAnotherVersion_matchesNothing_andChangesNothing() {
        UserId owner = ports().newOwner();
        Task task = tasks().insert(owner, aTask().titled("v1").build());

        assertThat(tasks().applyIfChanged(owner, task.id(), patch(Change.set("stale"), Change.keep(), Change.keep(), Change.keep()),
                OptionalLong.of(2))).isEmpty();
        assertThat(tasks().find(owner, task.id())).contains(task);
    }

    @Test
    void applyIfChanged_thatChangesNoField_matchesNothing_andWritesNothing() {
        UserId owner = ports().newOwner();
        Task task = tasks().insert(owner, aTask().titled("same").describedAs("same too").dueOn(LocalDate.of(2027, 1, 1)).build());

        assertThat(tasks().applyIfChanged(owner, task.id(), TaskPatch.empty(), OptionalLong.of(1))).isEmpty();
        assertThat(tasks().applyIfChanged(owner, task.id(),
                patch(Change.set("same"), Change.set("same too"), Change.set("pending"), Change.set("2027-01-01")),
                OptionalLong.empty())).isEmpty();
        assertThat(tasks().find(owner, task.id())).contains(task); // version 1, updated_at unchanged
    }

    @Test
    void applyIfChanged_onAnotherOwnersTask_orAnUnknownOne_matchesNothing_andChangesNothing() {
        UserId owner = ports().newOwner();
        UserId intruder = ports().newOwner();
        Task task = tasks().insert(owner, aTask().titled("mine").build());
        TaskPatch takeOver = patch(Change.set("taken"), Change.keep(), Change.keep(), Change.keep());

        assertThat(tasks().applyIfChanged(intruder, task.id(), takeOver, OptionalLong.empty())).isEmpty();
        assertThat(tasks().applyIfChanged(intruder, task.id(), takeOver, OptionalLong.of(1))).isEmpty();
        assertThat(tasks().applyIfChanged(owner, new TaskId(task.id().value() + 1_000_000), takeOver, OptionalLong.empty())).isEmpty();
        assertThat(tasks().find(owner, task.id())).contains(task);
    }

    private static TaskPatch patch(Change<String> title, Change<String> description, Change<String> status, Change<String> dueDate) {
        return TaskPatch.of(title, description, status, Change.keep(), dueDate);
    }

    @Test
    void update_ofAnUnknownTask_returnsEmpty() {
        UserId owner = ports().newOwner();
        Task task = tasks().insert(owner, aTask().build());

        assertThat(tasks().update(owner, new TaskId(task.id().value() + 1_000_000), aTask().titled("x").build())).isEmpty();
        assertThat(tasks().find(owner, task.id())).contains(task);
    }

    @Test
    void delete_removesTheTask_andThenReportsThatThereWasNone() {
        UserId owner = ports().newOwner();
        Task doomed = tasks().insert(owner, aTask().titled("doomed").build());
        Task kept = tasks().insert(owner, aTask().titled("kept").build());

        assertThat(tasks().delete(owner, doomed.id())).isTrue();
        assertThat(tasks().find(owner, doomed.id())).isEmpty();
        assertThat(tasks().delete(owner, doomed.id())).isFalse();
        assertThat(tasks().find(owner, kept.id())).contains(kept);
        assertThat(list(owner, TaskFilter.none(), 10).items()).containsExactly(kept);
    }

    @Test
    void list_ordersNewestFirst_byCreatedAtThenId() {
        UserId owner = ports().newOwner();
        List<Task> inserted = insertTitled(owner, 6);

        List<Task> listed = list(owner, TaskFilter.none(), 100).items();

        assertThat(listed).containsExactlyElementsOf(inserted.reversed());
        assertThat(listed).isSortedAccordingTo(NEWEST_FIRST);
    }

    @Test
    void list_ofAUserWithoutTasks_isEmpty_withoutNext() {
        UserId owner = ports().newOwner();

        Page<Task> page = list(owner, TaskFilter.none(), 10);

        assertThat(page.items()).isEmpty();
        assertThat(page.next()).isEmpty();
    }

    @Test
    void list_withAStatusFilter_returnsOnlyThatStatus() {
        UserId owner = ports().newOwner();
        List<Task> inserted = insertWithStatuses(owner, PENDING, IN_PROGRESS, COMPLETED, PENDING, COMPLETED, IN_PROGRESS);

        for (TaskStatus status : TaskStatus.values()) {
            List<Task> listed = list(owner, new TaskFilter(Optional.of(status), Optional.empty()), 100).items();
            assertThat(listed).as(status.wireName())
                    .containsExactlyElementsOf(inserted.reversed().stream().filter(task -> task.status() == status).toList());
        }
    }

    @Test
    void list_withCompletedTrue_returnsOnlyCompletedTasks() {
        UserId owner = ports().newOwner();
        List<Task> inserted = insertWithStatuses(owner, PENDING, COMPLETED, IN_PROGRESS, COMPLETED);

        List<Task> listed = list(owner, new TaskFilter(Optional.empty(), Optional.of(true)), 100).items();

        assertThat(listed).containsExactly(inserted.get(3), inserted.get(1));
    }

    @Test
    void list_withCompletedFalse_returnsPendingAndInProgressTasks() {
        UserId owner = ports().newOwner();
        List<Task> inserted = insertWithStatuses(owner, PENDING, COMPLETED, IN_PROGRESS, COMPLETED);

        List<Task> listed = list(owner, new TaskFilter(Optional.empty(), Optional.of(false)), 100).items();

        assertThat(listed).containsExactly(inserted.get(2), inserted.get(0));
    }

    @Test
    void list_withAStatusAndAnAgreeingCompletedFlag_returnsThatStatus_andAContradictoryPairMatchesNothing() {
        UserId owner = ports().newOwner();
        List<Task> inserted = insertWithStatuses(owner, PENDING, COMPLETED, IN_PROGRESS);

        assertThat(list(owner, new TaskFilter(Optional.of(IN_PROGRESS), Optional.of(false)), 100).items())
                .containsExactly(inserted.get(2));
        assertThat(list(owner, new TaskFilter(Optional.of(PENDING), Optional.of(true)), 100).items()).isEmpty();
        assertThat(list(owner, new TaskFilter(Optional.of(COMPLETED), Optional.of(false)), 100).items()).isEmpty();
    }

    @Test
    void list_givesPagesOfTheLimit_withANextThatStartsAfterTheLastItem_untilTheLastPage() {
        UserId owner = ports().newOwner();
        List<Task> newestFirst = insertTitled(owner, 5).reversed();

        Page<Task> first = list(owner, TaskFilter.none(), 2);
        Page<Task> second = tasks().list(owner, TaskFilter.none(), new PageRequest(2, first.next()));
        Page<Task> third = tasks().list(owner, TaskFilter.none(), new PageRequest(2, second.next()));

        assertThat(first.items()).containsExactlyElementsOf(newestFirst.subList(0, 2));
        assertThat(first.next()).contains(keysetOf(newestFirst.get(1)));
        assertThat(second.items()).containsExactlyElementsOf(newestFirst.subList(2, 4));
        assertThat(second.next()).contains(keysetOf(newestFirst.get(3)));
        assertThat(third.items()).containsExactly(newestFirst.get(4));
        assertThat(third.next()).isEmpty();
    }

    @Test
    void list_whoseLastPageIsFull_hasNoNext() {
        UserId owner = ports().newOwner();
        List<Task> newestFirst = insertTitled(owner, 4).reversed();

        List<Page<Task>> pagesOfTwo = Paging.pages(2, page -> tasks().list(owner, TaskFilter.none(), page));
        Page<Task> onePageOfFour = list(owner, TaskFilter.none(), 4);
        Page<Task> onePageOfThree = list(owner, TaskFilter.none(), 3);

        assertThat(Paging.sizes(pagesOfTwo)).containsExactly(2, 2);
        assertThat(pagesOfTwo.getLast().next()).isEmpty();
        assertThat(Paging.items(pagesOfTwo)).containsExactlyElementsOf(newestFirst);
        assertThat(onePageOfFour.items()).hasSize(4);
        assertThat(onePageOfFour.next()).isEmpty();
        assertThat(onePageOfThree.next()).contains(keysetOf(newestFirst.get(2)));
    }

    @Test
    void list_withAFilter_pagesThroughTheMatchingTasksOnly() {
        UserId owner = ports().newOwner();
        List<Task> inserted = insertWithStatuses(owner,
                PENDING, COMPLETED, IN_PROGRESS, COMPLETED, PENDING, PENDING, COMPLETED, IN_PROGRESS);
        TaskFilter notCompleted = new TaskFilter(Optional.empty(), Optional.of(false));

        List<Page<Task>> pages = Paging.pages(2, page -> tasks().list(owner, notCompleted, page));

        assertThat(Paging.sizes(pages)).containsExactly(2, 2, 1);
        assertThat(Paging.items(pages)).containsExactlyElementsOf(
                inserted.reversed().stream().filter(task -> !task.completed()).toList());
    }

    @Test
    void list_returnsTheVersionAndTimestampsAsStored() {
        UserId owner = ports().newOwner();
        Task task = tasks().insert(owner, aTask().build());
        Task updated = tasks().update(owner, task.id(), aTask().titled("changed").build()).orElseThrow();

        assertThat(list(owner, TaskFilter.none(), 10).items()).containsExactly(updated);
    }

    private Page<Task> list(UserId owner, TaskFilter filter, int limit) {
        return tasks().list(owner, filter, PageRequest.first(limit));
    }

    private List<Task> insertTitled(UserId owner, int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(n -> tasks().insert(owner, aTask().titled("Task " + n).build()))
                .toList();
    }

    private List<Task> insertWithStatuses(UserId owner, TaskStatus... statuses) {
        List<Task> inserted = new ArrayList<>();
        for (TaskStatus status : statuses) {
            inserted.add(tasks().insert(owner, aTask().titled(status.wireName() + " " + inserted.size()).withStatus(status).build()));
        }
        return inserted;
    }

    private static Keyset keysetOf(Task task) {
        return new Keyset(task.createdAt(), task.id().value());
    }
}
