package dev.taskline.domain.port.out;

import dev.taskline.domain.model.page.Page;
import dev.taskline.domain.model.page.PageRequest;
import dev.taskline.domain.model.task.Task;
import dev.taskline.domain.model.task.TaskDetails;
import dev.taskline.domain.model.task.TaskFilter;
import dev.taskline.domain.model.task.TaskId;
import dev.taskline.domain.model.task.TaskPatch;
import dev.taskline.domain.model.user.UserId;
import java.util.Optional;
import java.util.OptionalLong;

/** Every query is filtered by owner: another user's task reads as absent. */
public interface TaskRepository {

    Task insert(UserId owner, TaskDetails details);

    Optional<Task> find(UserId owner, TaskId id);

    /** Like {@link #find}, and row-locks the task until the current transaction ends. */
    Optional<Task> findForUpdate(UserId owner, TaskId id);

    /** Newest first: {@code created_at} descending, then {@code id} descending. */
    Page<Task> list(UserId owner, TaskFilter filter, PageRequest page);

    /** Replaces the writable fields; the database bumps {@code version} and {@code updated_at}. */
    Optional<Task> update(UserId owner, TaskId id, TaskDetails details);

    /**
     * Applies the patch in one atomic statement, if the task is the owner's, is at
     * {@code expectedVersion} when one is given, and the patch changes at least one field; the
     * database bumps {@code version} and {@code updated_at}. Empty when any of that is not so:
     * the caller looks again to tell an absent task, a stale version and a patch that changes
     * nothing apart.
     */
    Optional<Task> applyIfChanged(UserId owner, TaskId id, TaskPatch patch, OptionalLong expectedVersion);

    boolean delete(UserId owner, TaskId id);
}
