package dev.taskline.persistence.jooq;

import dev.taskline.domain.model.page.Keyset;
import dev.taskline.domain.model.page.Page;
import dev.taskline.domain.model.page.PageRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Follows {@code next} keysets from the first page to the last. */
final class Paging {
    private static final int MAX_PAGES = 10_000;

    private Paging() {
    }

    /** Every page, in order, until one comes without {@code next}. */
    static <T> List<Page<T>> pages(int limit, Function<PageRequest, Page<T>> fetch) {
        return pages(limit, fetch, () -> { });
    }

    /** Like {@link #pages(int, Function)}, running {@code betweenPages} after each page that has a next one. */
    static <T> List<Page<T>> pages(int limit, Function<PageRequest, Page<T>> fetch, Runnable betweenPages) {
        List<Page<T>> pages = new ArrayList<>();
        Optional<Keyset> after = Optional.empty();
        do {
            if (pages.size() == MAX_PAGES) {
                throw new AssertionError("no last page after " + MAX_PAGES + " pages: the keyset does not advance");
            }
            Page<T> page = fetch.apply(new PageRequest(limit, after));
            pages.add(page);
            after = page.next();
            if (after.isPresent()) {
                betweenPages.run();
            }
        } while (after.isPresent());
        return pages;
    }

    /** The items of every page, in order. */
    static <T> List<T> all(int limit, Function<PageRequest, Page<T>> fetch) {
        return items(pages(limit, fetch));
    }

    static <T> List<T> items(List<Page<T>> pages) {
        return pages.stream().flatMap(page -> page.items().stream()).toList();
    }

    static List<Integer> sizes(List<? extends Page<?>> pages) {
        return pages.stream().map(page -> page.items().size()).toList();
    }
}
