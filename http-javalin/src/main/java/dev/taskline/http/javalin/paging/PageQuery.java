package dev.taskline.http.javalin.paging;

import dev.taskline.domain.error.Validation;
import dev.taskline.domain.error.ValidationFailed;
import dev.taskline.domain.model.page.Keyset;
import dev.taskline.domain.model.page.PageRequest;
import dev.taskline.http.javalin.request.AsciiDigits;

/** Reads {@code limit} and {@code cursor} query parameters into a {@link PageRequest}. */
public final class PageQuery {

    private PageQuery() {
    }

    /**
     * {@code limit}: absent means the default, otherwise digits giving 1..100; {@code cursor}:
     * absent means the first page. Both bad: both reported.
     */
    public static PageRequest of(String limitOrNull, String cursorOrNull) {
        var validation = new Validation();
        Integer limit = validation.check(() -> parseLimit(limitOrNull));
        Keyset after = validation.check(() -> cursorOrNull == null ? null : CursorCodec.decode(cursorOrNull));
        validation.throwIfFailed();
        return PageRequest.of(limit, after);
    }

    private static Integer parseLimit(String raw) {
        if (raw == null) {
            return null;
        }
        if (!AsciiDigits.only(raw, 9)) {
            throw ValidationFailed.of("limit", "must be an integer between 1 and " + PageRequest.MAX_LIMIT);
        }
        int limit = Integer.parseInt(raw);
        if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
            throw ValidationFailed.of("limit", "must be between 1 and " + PageRequest.MAX_LIMIT);
        }
        return limit;
    }
}
