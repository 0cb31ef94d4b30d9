package dev.taskline.domain.model.task;

import dev.taskline.domain.model.user.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A task as stored. {@code version} grows with every write (the database bumps it) and backs the
 * API's {@code ETag}/{@code If-Match}.
 */
public record Task(TaskId id, UserId owner, TaskDetails details, long version, Instant createdAt, Instant updatedAt) {

    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < 0) {
            throw new IllegalArgumentException("a task version is never negative");
        }
    }

    public TaskTitle title() {
        return details.title();
    }

    public Optional<TaskDescription> description() {
        return details.description();
    }

    public TaskStatus status() {
        return details.status();
    }

    public Optional<LocalDate> dueDate() {
        return details.dueDate();
    }

    /** Derived, never stored: true exactly when the status is COMPLETED. */
    public boolean completed() {
        return details.status() == TaskStatus.COMPLETED;
    }
}
