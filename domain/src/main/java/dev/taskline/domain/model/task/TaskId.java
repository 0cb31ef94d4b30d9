package dev.taskline.domain.model.task;

import dev.taskline.domain.model.PositiveIds;

/** Positive; a non-positive value is refused with {@code ValidationFailed} on {@code id} (see {@link PositiveIds}). */
public record TaskId(long value) {

    public TaskId {
        PositiveIds.require(value);
    }
}
