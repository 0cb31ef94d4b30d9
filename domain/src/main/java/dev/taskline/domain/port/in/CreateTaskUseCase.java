package dev.taskline.domain.port.in;

import dev.taskline.domain.model.task.Task;
import dev.taskline.domain.model.user.UserId;

public interface CreateTaskUseCase {

    Task create(UserId owner, CreateTaskCommand command);
}
