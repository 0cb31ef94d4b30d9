package dev.taskline.domain.model.page;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** One page of rows and, when more follow, the position to continue from. */
public record Page<T>(List<T> items, Optional<Keyset> next) {

    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
    }

    public static <T> Page<T> empty() {
        return new Page<>(List.of(), Optional.empty());
    }

    /**
     * Builds a page from rows fetched with {@link PageRequest#fetchSize()}: the extra row, if it
     * came back, is dropped and proves that a next page exists, which then starts after the last
     * kept row. A full page with nothing behind it therefore has no {@code next}.
     */
    public static <T> Page<T> fromLookahead(List<T> rows, PageRequest request, Function<? super T, Keyset> positionOf) {
        if (rows.size() <= request.limit()) {
            return new Page<>(rows, Optional.empty());
        }
        List<T> kept = rows.subList(0, request.limit());
        return new Page<>(kept, Optional.of(positionOf.apply(kept.getLast())));
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), next);
    }
}
