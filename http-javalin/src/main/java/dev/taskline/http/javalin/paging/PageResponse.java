package dev.taskline.http.javalin.paging;

import dev.taskline.domain.model.page.Page;
import java.util.List;
import java.util.function.Function;

/** {@code {"items": [...], "next_cursor": "..." | null}}. */
public record PageResponse<T>(List<T> items, String nextCursor) {

    public static <D, T> PageResponse<T> from(Page<D> page, Function<? super D, ? extends T> toResponse) {
        List<T> items = page.items().stream().<T>map(toResponse).toList();
        return new PageResponse<>(items, page.next().map(CursorCodec::encode).orElse(null));
    }
}
