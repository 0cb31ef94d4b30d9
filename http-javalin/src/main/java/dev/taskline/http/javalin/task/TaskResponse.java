package dev.taskline.http.javalin.task;

import dev.taskline.domain.model.task.Task;
import dev.taskline.domain.model.task.TaskDescription;
import java.time.Instant;
import java.time.LocalDate;

/** {@code {"id", "title", "description", "status", "completed", "due_date", "created_at", "updated_at"}}. */
public record TaskResponse(
        long id,
        String title,
        String description,
        String status,
        boolean completed,
        LocalDate dueDate,
        Instant createdAt,
        Instant updatedAt) {

    public static TaskResponse from(Task task) {
        return new TaskResponse(
                task.id().value(),
                task.title().value(),
                task.description().map(TaskDescription::value).orElse(null),
                task.status().wireName(),
                task.completed(),
                task.dueDate().orElse(null),
                task.createdAt(),
                task.updatedAt());
    }
}
