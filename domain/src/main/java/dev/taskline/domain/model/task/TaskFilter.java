package dev.taskline.domain.model.task;

import dev.taskline.domain.error.Validation;
import dev.taskline.domain.error.ValidationFailed;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which tasks a list returns; both conditions must hold. A contradictory pair (pending and
 * completed=true) is not an error: it simply matches nothing.
 */
public record TaskFilter(Optional<TaskStatus> status, Optional<Boolean> completed) {

    public TaskFilter {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(completed, "completed");
    }

    public static TaskFilter none() {
        return new TaskFilter(Optional.empty(), Optional.empty());
    }

    /** From query parameters ({@code null} when absent): a wire status and {@code true}/{@code false}. */
    public static TaskFilter of(String statusOrNull, String completedOrNull) {
        var validation = new Validation();
        Optional<TaskStatus> status = validation.check(() -> Optional.ofNullable(statusOrNull).map(TaskStatus::fromWireName));
        Optional<Boolean> completed = validation.check(() -> Optional.ofNullable(completedOrNull).map(TaskFilter::parseBoolean));
        validation.throwIfFailed();
        return new TaskFilter(status, completed);
    }

    /** The statuses this filter lets through, e.g. for an {@code IN (...)} condition; may be empty. */
    public Set<TaskStatus> statuses() {
        return Arrays.stream(TaskStatus.values()).filter(this::accepts).collect(Collectors.toUnmodifiableSet());
    }

    public boolean accepts(TaskStatus candidate) {
        return status.map(candidate::equals).orElse(true)
                && completed.map(done -> done == (candidate == TaskStatus.COMPLETED)).orElse(true);
    }

    private static boolean parseBoolean(String raw) {
        return switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ValidationFailed.of("completed", "must be true or false");
        };
    }
}
