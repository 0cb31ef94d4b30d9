package dev.taskline.domain.port.in;

import dev.taskline.domain.error.Validation;
import dev.taskline.domain.model.task.DueDate;
import dev.taskline.domain.model.task.TaskDescription;
import dev.taskline.domain.model.task.TaskDetails;
import dev.taskline.domain.model.task.TaskStatus;
import dev.taskline.domain.model.task.TaskTitle;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** A new task's writable fields, validated; the status defaults to PENDING. */
public record CreateTaskCommand(TaskDetails details) {

    public CreateTaskCommand {
        Objects.requireNonNull(details, "details");
    }

    /** From raw request values (all but {@code title} may be null); reports every bad field at once. */
    public static CreateTaskCommand of(String title, String descriptionOrNull, String statusOrNull, String dueDateOrNull) {
        var validation = new Validation();
        TaskTitle parsedTitle = validation.check(() -> TaskTitle.of(title));
        Optional<TaskDescription> description = validation.check(() -> Optional.ofNullable(descriptionOrNull).map(TaskDescription::new));
        TaskStatus status = validation.check(() -> statusOrNull == null ? TaskStatus.PENDING : TaskStatus.fromWireName(statusOrNull));
        Optional<LocalDate> dueDate = validation.check(() -> Optional.ofNullable(dueDateOrNull).map(DueDate::parse));
        validation.throwIfFailed();
        return new CreateTaskCommand(new TaskDetails(parsedTitle, description, status, dueDate));
    }
}
