package dev.taskline.domain.port.in;

import dev.taskline.domain.model.task.TaskId;
import dev.taskline.domain.model.user.UserId;

public interface DeleteTaskUseCase {

    void delete(UserId owner, TaskId id);
}
