package dev.taskline.persistence.jooq;

import dev.taskline.domain.model.page.Keyset;
import dev.taskline.domain.model.page.Page;
import dev.taskline.domain.model.page.PageRequest;
import org.jooq.Record;
import org.jooq.RecordMapper;
import org.jooq.ResultQuery;
import org.jooq.SelectSeekStep2;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * One keyset page of a query ordered by (timestamp, id), the shape of every list in Taskline:
 * {@code seek} past the previous page's last row, one row more than asked to learn whether a next
 * page exists ({@link Page#fromLookahead}).
 */
final class KeysetPages {
    private KeysetPages() {
    }

    static <R extends Record, T> Page<T> fetch(SelectSeekStep2<R, Instant, Long> orderedQuery, PageRequest page,
                                              RecordMapper<? super R, T> toDomain, Function<? super T, Keyset> positionOf) {
        ResultQuery<R> query = page.after()
                .<ResultQuery<R>>map(after -> orderedQuery.seek(after.at(), after.id()).limit(page.fetchSize()))
                .orElseGet(() -> orderedQuery.limit(page.fetchSize()));
        List<T> rows = query.fetch(toDomain);
        return Page.fromLookahead(rows, page, positionOf);
    }
}
