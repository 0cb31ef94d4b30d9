package dev.taskline.domain.port.in;

import dev.taskline.domain.model.page.Page;
import dev.taskline.domain.model.page.PageRequest;
import dev.taskline.domain.model.task.Task;
import dev.taskline.domain.model.task.TaskFilter;
import dev.taskline.domain.model.user.UserId;

/** Newest first: {@code created_at} descending, then {@code id} descending. */
public interface ListTasksUseCase {

    Page<Task> list(UserId owner, TaskFilter filter, PageRequest page);
}
