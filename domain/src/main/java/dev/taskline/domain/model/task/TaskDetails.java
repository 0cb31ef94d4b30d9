package dev.taskline.domain.model.task;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** The writable fields of a task: what a create sets and what an update replaces. */
public record TaskDetails(TaskTitle title, Optional<TaskDescription> description, TaskStatus status, Optional<LocalDate> dueDate) {

    public TaskDetails {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(dueDate, "dueDate");
    }

    /** These details with the patch applied; equal to these when the patch changes nothing. */
    public TaskDetails apply(TaskPatch patch) {
        return new TaskDetails(
                patch.title().orElse(title),
                patch.description().applyTo(description),
                patch.effectiveStatus().orElse(status),
                patch.dueDate().applyTo(dueDate));
    }
}
