package dev.taskline.domain.model.task;

import dev.taskline.domain.error.ValidationFailed;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

public enum TaskStatus {
    PENDING, IN_PROGRESS, COMPLETED;

    private static final String ALLOWED = Arrays.stream(values()).map(TaskStatus::wireName).collect(Collectors.joining(", "));

    /** The API's spelling: {@code pending}, {@code in_progress}, {@code completed}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Exact, case-sensitive match of a wire name; anything else fails on {@code status}. */
    public static TaskStatus fromWireName(String wireName) {
        for (TaskStatus status : values()) {
            if (status.wireName().equals(wireName)) {
                return status;
            }
        }
        throw ValidationFailed.of("status", "must be one of: " + ALLOWED);
    }
}
