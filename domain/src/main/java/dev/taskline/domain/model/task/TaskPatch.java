package dev.taskline.domain.model.task;

import dev.taskline.domain.error.Validation;
import dev.taskline.domain.error.ValidationFailed;
import dev.taskline.domain.model.change.Change;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A partial update. {@code title} and {@code status} cannot be cleared, so they are optional
 * values; {@code description} and {@code dueDate} can, so they are {@link Change}s.
 * {@code completed} is another way to write the status: {@code true} means COMPLETED,
 * {@code false} means PENDING; sent together with {@code status}, the two must agree.
 */
public record TaskPatch(
        Optional<TaskTitle> title,
        Change<TaskDescription> description,
        Optional<TaskStatus> status,
        Optional<Boolean> completed,
        Change<LocalDate> dueDate) {

    private static final String CONTRADICTS_STATUS = "must agree with status: completed is true exactly when status is completed";

    public TaskPatch {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(completed, "completed");
        Objects.requireNonNull(dueDate, "dueDate");
        if (contradict(status, completed)) {
            throw ValidationFailed.of("completed", CONTRADICTS_STATUS);
        }
    }

    public static TaskPatch empty() {
        return new TaskPatch(Optional.empty(), Change.keep(), Optional.empty(), Optional.empty(), Change.keep());
    }

    /**
     * From a request body where each field was absent (keep), {@code null} (clear) or a raw value.
     * Reports every bad field at once; {@code null} is refused for the fields that cannot be cleared.
     */
    public static TaskPatch of(Change<String> title, Change<String> description, Change<String> status,
                               Change<Boolean> completed, Change<String> dueDate) {
        var validation = new Validation();
        Optional<TaskTitle> parsedTitle = validation.check(() -> notClearable(title, "title").map(TaskTitle::of));
        Change<TaskDescription> parsedDescription = validation.check(() -> description.map(TaskDescription::new));
        Optional<TaskStatus> parsedStatus = validation.check(() -> notClearable(status, "status").map(TaskStatus::fromWireName));
        Optional<Boolean> parsedCompleted = validation.check(() -> notClearable(completed, "completed"));
        Change<LocalDate> parsedDueDate = validation.check(() -> dueDate.map(DueDate::parse));
        if (parsedStatus != null && parsedCompleted != null && contradict(parsedStatus, parsedCompleted)) {
            validation.reject("completed", CONTRADICTS_STATUS);
        }
        validation.throwIfFailed();
        return new TaskPatch(parsedTitle, parsedDescription, parsedStatus, parsedCompleted, parsedDueDate);
    }

    /** The status this patch sets, if any: {@code status} itself, else the one {@code completed} implies. */
    public Optional<TaskStatus> effectiveStatus() {
        return status.or(() -> completed.map(done -> done ? TaskStatus.COMPLETED : TaskStatus.PENDING));
    }

    public boolean isEmpty() {
        return title.isEmpty() && description.isKeep() && status.isEmpty() && completed.isEmpty() && dueDate.isKeep();
    }

    private static boolean contradict(Optional<TaskStatus> status, Optional<Boolean> completed) {
        return status.isPresent() && completed.isPresent() && completed.get() != (status.get() == TaskStatus.COMPLETED);
    }

    private static <T> Optional<T> notClearable(Change<T> change, String field) {
        return switch (change) {
            case Change.Keep<T> keep -> Optional.empty();
            case Change.Clear<T> clear -> throw ValidationFailed.of(field, "must not be null");
            case Change.Set<T>(T value) -> Optional.of(value);
        };
    }
}
