package dev.taskline.domain.port.out;

import dev.taskline.domain.model.page.Page;
import dev.taskline.domain.model.page.PageRequest;
import dev.taskline.domain.model.task.Task;
import dev.taskline.domain.model.task.TaskDetails;
import dev.taskline.domain.model.task.TaskFilter;
import dev.taskline.domain.model.task.TaskId;
import dev.taskline.domain.model.user.UserId;
import java.util.Optional;

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

    boolean delete(UserId owner, TaskId id);
}
