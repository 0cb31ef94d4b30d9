package dev.taskline.domain.model.page;

import dev.taskline.domain.error.ValidationFailed;
import java.time.Instant;

/**
 * Where a page ended: the sort timestamp of its last row and that row's id as a tiebreaker, so
 * that rows sharing a timestamp are neither skipped nor repeated. Adapters encode it as the
 * opaque {@code cursor}, hence a malformed one is reported on that field.
 */
public record Keyset(Instant at, long id) {

    /** Beyond these no stored row can lie, and the database driver cannot bind them. */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    public Keyset {
        if (at == null || id <= 0 || at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
            throw ValidationFailed.of("cursor", "is not a valid cursor");
        }
    }
}
