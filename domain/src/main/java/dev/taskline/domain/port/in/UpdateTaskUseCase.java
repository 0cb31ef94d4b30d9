package dev.taskline.domain.port.in;

import dev.taskline.domain.model.task.Task;
import dev.taskline.domain.model.task.TaskId;
import dev.taskline.domain.model.task.TaskPatch;
import dev.taskline.domain.model.user.UserId;
import java.util.OptionalLong;

public interface UpdateTaskUseCase {

    /**
     * Applies a patch (built from raw values with {@link TaskPatch#of}). A patch that changes
     * nothing returns the task untouched: same version, same {@code updated_at}.
     *
     * @throws dev.taskline.domain.error.PreconditionFailed when {@code expectedVersion} is given
     *         and is not the current version
     */
    Task update(UserId owner, TaskId id, TaskPatch patch, OptionalLong expectedVersion);
}
