package dev.taskline.domain.model;

import dev.taskline.domain.error.ValidationFailed;

/**
 * Ids are positive 64-bit integers. A non-positive one is refused as invalid input (field
 * {@code id}) rather than with an {@link IllegalArgumentException}, so that an adapter that
 * forgets to check a path id still answers 400, never 500.
 */
public final class PositiveIds {

    private PositiveIds() {
    }

    public static long require(long value) {
        if (value <= 0) {
            throw ValidationFailed.of("id", "must be a positive integer");
        }
        return value;
    }
}
