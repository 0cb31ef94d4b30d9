package dev.taskline.domain.port.in;

import dev.taskline.domain.model.task.Task;
import dev.taskline.domain.model.task.TaskId;
import dev.taskline.domain.model.user.UserId;

public interface GetTaskUseCase {

    Task get(UserId owner, TaskId id);
}
