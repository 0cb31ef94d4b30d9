package dev.taskline.persistence.jooq;

import dev.taskline.domain.error.NotFound;
import dev.taskline.domain.error.PreconditionFailed;
import dev.taskline.domain.model.change.Change;
import dev.taskline.domain.model.page.PageRequest;
import dev.taskline.domain.model.task.Task;
import dev.taskline.domain.model.task.TaskFilter;
import dev.taskline.domain.model.task.TaskPatch;
import dev.taskline.domain.model.task.TaskStatus;
import dev.taskline.domain.model.user.UserId;
import dev.taskline.domain.port.in.CreateTaskCommand;
import dev.taskline.domain.service.TaskService;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** {@link TaskService} on the jOOQ adapter and a real PostgreSQL. */
class TaskServiceIT {

    @RegisterExtension
    static final PersistenceFixture db = new PersistenceFixture();

    private final TaskService tasks = db.taskService();
    private final UserId owner = db.newUser();

    @Test
    void create_thenGet_returnsTheSameTask() {
        Task created = tasks.create(owner, CreateTaskCommand.of("  Buy milk  ", "semi-skimmed", "in_progress", "2027-03-01"));

        assertThat(created.title().value()).isEqualTo("Buy milk");
        assertThat(created.status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(created.dueDate()).contains(LocalDate.of(2027, 3, 1));
        assertThat(created.version()).isEqualTo(1);
        assertThat(tasks.get(owner, created.id())).isEqualTo(created);
    }

    @Test
    void update_withTheCurrentVersion_appliesThePatch_andBumpsTheVersionByOne() {
        Task before = create("Draft");

        Task updated = tasks.update(owner, before.id(), patchTitle("Final"), OptionalLong.of(before.version()));

        assertThat(updated.title().value()).isEqualTo("Final");
        assertThat(updated.version()).isEqualTo(before.version() + 1);
        assertThat(updated.updatedAt()).isAfter(before.updatedAt());
        assertThat(updated.createdAt()).isEqualTo(before.createdAt());
        assertThat(tasks.get(owner, before.id())).isEqualTo(updated);
    }

    @Test
    void update_withAStaleVersion_isPreconditionFailed_andChangesNothing() {
        Task created = create("Original");
        Task current = tasks.update(owner, created.id(), patchTitle("Second"), OptionalLong.empty());

        Throwable failure = catchThrowable(() ->
                tasks.update(owner, created.id(), patchTitle("Lost update"), OptionalLong.of(created.version())));

        assertThat(failure).isExactlyInstanceOf(PreconditionFailed.class);
        assertThat(tasks.get(owner, created.id())).isEqualTo(current);
    }

    @Test
    void update_withoutAnExpectedVersion_appliesThePatch() {
        Task before = create("Unconditional");

        Task updated = tasks.update(owner, before.id(), patchTitle("Applied"), OptionalLong.empty());

        assertThat(updated.version()).isEqualTo(2);
        assertThat(tasks.get(owner, before.id()).title().value()).isEqualTo("Applied");
    }

    @Test
    void update_withAnEmptyPatch_writesNothing() {
        Task before = create("Untouched");

        Task returned = tasks.update(owner, before.id(), TaskPatch.empty(), OptionalLong.of(before.version()));

        assertThat(returned).isEqualTo(before);
        Task stored = tasks.get(owner, before.id());
        assertThat(stored.version()).isEqualTo(before.version());
        assertThat(stored.updatedAt()).isEqualTo(before.updatedAt());
    }

    @Test
    void update_thatSetsTheValuesAlreadyStored_writesNothing() {
        Task before = create("Same title");

        tasks.update(owner, before.id(), TaskPatch.of(Change.set("Same title"), Change.keep(), Change.set("pending"),
                Change.set(false), Change.keep()), OptionalLong.empty());

        assertThat(tasks.get(owner, before.id())).isEqualTo(before);
    }

    @Test
    void update_completedTrue_storesTheCompletedStatus_andCompletedFalse_storesPending() {
        Task task = tasks.create(owner, CreateTaskCommand.of("Couple", null, "in_progress", null));

        Task completed = tasks.update(owner, task.id(), patchCompleted(true), OptionalLong.empty());
        Task storedCompleted = tasks.get(owner, task.id());
        Task reopened = tasks.update(owner, task.id(), patchCompleted(false), OptionalLong.empty());
        Task storedReopened = tasks.get(owner, task.id());

        assertThat(completed.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(storedCompleted.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(storedCompleted.completed()).isTrue();
        assertThat(storedReopened).isEqualTo(reopened);
        assertThat(storedReopened.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(storedReopened.completed()).isFalse();
        assertThat(storedReopened.version()).isEqualTo(3);
    }

    @Test
    void update_ofTheStatus_movesTheCompletedFlagWithIt_inTheStoredTaskAndTheFilters() {
        Task task = create("Status driven");

        tasks.update(owner, task.id(), patchStatus("completed"), OptionalLong.empty());
        assertThat(tasks.get(owner, task.id()).completed()).isTrue();
        assertThat(tasks.list(owner, TaskFilter.of(null, "true"), PageRequest.first(10)).items()).extracting(Task::id)
                .containsExactly(task.id());

        tasks.update(owner, task.id(), patchStatus("in_progress"), OptionalLong.empty());
        assertThat(tasks.get(owner, task.id()).completed()).isFalse();
        assertThat(tasks.list(owner, TaskFilter.of(null, "true"), PageRequest.first(10)).items()).isEmpty();
        assertThat(tasks.list(owner, TaskFilter.of("in_progress", "false"), PageRequest.first(10)).items()).extracting(Task::id)
                .containsExactly(task.id());
    }

    @Test
    void update_withNulls_clearsTheDescriptionAndTheDueDate() {
        Task task = tasks.create(owner, CreateTaskCommand.of("Clearable", "some text", null, "2027-12-31"));

        tasks.update(owner, task.id(), TaskPatch.of(Change.keep(), Change.clear(), Change.keep(), Change.keep(), Change.clear()),
                OptionalLong.empty());

        Task stored = tasks.get(owner, task.id());
        assertThat(stored.description()).isEmpty();
        assertThat(stored.dueDate()).isEmpty();
    }

    @Test
    void delete_removesTheTask_andThenItIsNotFound() {
        Task task = create("Short-lived");

        tasks.delete(owner, task.id());

        assertThat(catchThrowable(() -> tasks.get(owner, task.id()))).isInstanceOf(NotFound.class);
        assertThat(catchThrowable(() -> tasks.delete(owner, task.id()))).isInstanceOf(NotFound.class);
    }

    @Test
    void everyUseCase_onAnotherUsersTask_isNotFound_andTheTaskStaysAsItWas() {
        Task alicesTask = create("Alice's");
        UserId bob = db.newUser();
        Map<String, ThrowingCallable> useCases = new LinkedHashMap<>();
        useCases.put("get", () -> tasks.get(bob, alicesTask.id()));
        useCases.put("update", () -> tasks.update(bob, alicesTask.id(), patchTitle("Bob's now"), OptionalLong.empty()));
        useCases.put("update with the right version", () ->
                tasks.update(bob, alicesTask.id(), patchTitle("Bob's now"), OptionalLong.of(alicesTask.version())));
        useCases.put("update with an empty patch", () -> tasks.update(bob, alicesTask.id(), TaskPatch.empty(), OptionalLong.empty()));
        useCases.put("delete", () -> tasks.delete(bob, alicesTask.id()));

        useCases.forEach((name, useCase) -> assertThat(catchThrowable(useCase)).as(name).isExactlyInstanceOf(NotFound.class));
        assertThat(tasks.list(bob, TaskFilter.none(), PageRequest.first(100)).items()).isEmpty();
        assertThat(tasks.get(owner, alicesTask.id())).isEqualTo(alicesTask);
    }

    private Task create(String title) {
        return tasks.create(owner, CreateTaskCommand.of(title, null, null, null));
    }

    private static TaskPatch patchTitle(String title) {
        return TaskPatch.of(Change.set(title), Change.keep(), Change.keep(), Change.keep(), Change.keep());
    }

    private static TaskPatch patchStatus(String status) {
        return TaskPatch.of(Change.keep(), Change.keep(), Change.set(status), Change.keep(), Change.keep());
    }

    private static TaskPatch patchCompleted(boolean completed) {
        return TaskPatch.of(Change.keep(), Change.keep(), Change.keep(), Change.set(completed), Change.keep());
    }
}
