package dev.taskline.domain.model.user;

import dev.taskline.domain.model.PositiveIds;

/** Positive; a non-positive value is refused with {@code ValidationFailed} on {@code id} (see {@link PositiveIds}). */
public record UserId(long value) {

    public UserId {
        PositiveIds.require(value);
    }
}
