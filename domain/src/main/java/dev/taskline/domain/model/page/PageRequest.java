package dev.taskline.domain.model.page;

import dev.taskline.domain.error.ValidationFailed;
import java.util.Objects;
import java.util.Optional;

/** At most {@code limit} rows after the {@code after} position (from the start when empty). */
public record PageRequest(int limit, Optional<Keyset> after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 100;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ValidationFailed.of("limit", "must be between 1 and " + MAX_LIMIT);
        }
        Objects.requireNonNull(after, "after");
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }

    /** From query parameters: a missing limit means {@value #DEFAULT_LIMIT}, a missing cursor the first page. */
    public static PageRequest of(Integer limitOrNull, Keyset afterOrNull) {
        return new PageRequest(limitOrNull == null ? DEFAULT_LIMIT : limitOrNull, Optional.ofNullable(afterOrNull));
    }

    /** Rows to fetch: one beyond the limit tells whether a next page exists (see {@link Page#fromLookahead}). */
    public int fetchSize() {
        return limit + 1;
    }
}
