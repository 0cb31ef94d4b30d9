package dev.taskline.domain.service;

import dev.taskline.domain.error.NotFound;
import dev.taskline.domain.error.PreconditionFailed;
import dev.taskline.domain.model.page.Page;
import dev.taskline.domain.model.page.PageRequest;
import dev.taskline.domain.model.task.Task;
import dev.taskline.domain.model.task.TaskDetails;
import dev.taskline.domain.model.task.TaskFilter;
import dev.taskline.domain.model.task.TaskId;
import dev.taskline.domain.model.task.TaskPatch;
import dev.taskline.domain.model.user.UserId;
import dev.taskline.domain.port.in.CreateTaskCommand;
import dev.taskline.domain.port.in.CreateTaskUseCase;
import dev.taskline.domain.port.in.DeleteTaskUseCase;
import dev.taskline.domain.port.in.GetTaskUseCase;
import dev.taskline.domain.port.in.ListTasksUseCase;
import dev.taskline.domain.port.in.UpdateTaskUseCase;
import dev.taskline.domain.port.out.TaskRepository;
import dev.taskline.domain.port.out.TransactionRunner;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Tasks. Creating, reading, listing and deleting are single statements, atomic on their own, and
 * run without an explicit transaction (it would only add a COMMIT round trip). An update is one
 * conditional statement too when it succeeds; when it matches nothing, a transaction with the row
 * locked tells why (absent, stale, nothing to change) and gives the exact answer.
 */
public final class TaskService implements CreateTaskUseCase, GetTaskUseCase, ListTasksUseCase, UpdateTaskUseCase, DeleteTaskUseCase {

    private final TaskRepository tasks;
    private final TransactionRunner transactions;

    public TaskService(TaskRepository tasks, TransactionRunner transactions) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public Task create(UserId owner, CreateTaskCommand command) {
        return tasks.insert(owner, command.details());
    }

    @Override
    public Task get(UserId owner, TaskId id) {
        return tasks.find(owner, id).orElseThrow(() -> NotFound.task(id));
    }

    @Override
    public Page<Task> list(UserId owner, TaskFilter filter, PageRequest page) {
        return tasks.list(owner, filter, page);
    }

    /**
     * First the one statement that applies the patch where the task is the owner's, at the
     * expected version, and changed by it: the common case, one round trip. When that matches
     * nothing, the row is locked and looked at: absent is 404, another version 412, a patch that
     * changes nothing answers the task as it is (version and {@code updated_at} unchanged), and a
     * task changed by someone else in between is written under the lock.
     */
    @Override
    public Task update(UserId owner, TaskId id, TaskPatch patch, OptionalLong expectedVersion) {
        return tasks.applyIfChanged(owner, id, patch, expectedVersion)
                .orElseGet(() -> updateLocked(owner, id, patch, expectedVersion));
    }

    private Task updateLocked(UserId owner, TaskId id, TaskPatch patch, OptionalLong expectedVersion) {
        return transactions.inTransaction(() -> {
            Task current = tasks.findForUpdate(owner, id).orElseThrow(() -> NotFound.task(id));
            if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
                throw PreconditionFailed.staleVersion(expectedVersion.getAsLong(), current.version());
            }
            TaskDetails updated = current.details().apply(patch);
            if (updated.equals(current.details())) {
                return current; // nothing to write: version and updated_at stay as they are
            }
            return tasks.update(owner, id, updated).orElseThrow(() -> NotFound.task(id));
        });
    }

    @Override
    public void delete(UserId owner, TaskId id) {
        if (!tasks.delete(owner, id)) {
            throw NotFound.task(id);
        }
    }
}
