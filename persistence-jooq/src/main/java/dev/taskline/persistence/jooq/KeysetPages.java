package dev.taskline.persistence.jooq;

import dev.taskline.domain.model.page.Keyset;
import dev.taskline.domain.model.page.Page;
import dev.taskline.domain.model.page.PageRequest;
import org.jooq.Record;
import org.jooq.SelectSeekStep2;
import org.jooq.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The pages of one list query ordered by (timestamp, id), the shape of every list in Taskline:
 * {@code seek} past the previous page's last row, one row more than asked to learn whether a next
 * page exists ({@link Page#fromLookahead}). Both statements, the first page and a page after a
 * cursor, are rendered once ({@link RenderedOnce}); their bind values are the query's own (its
 * conditions', in their order), then the cursor's timestamp and id, then the row count.
 */
final class KeysetPages<T> {
    private final RenderedOnce<T> firstPage;
    private final RenderedOnce<T> pageAfter;
    private final Function<? super T, Keyset> positionOf;

    KeysetPages(Statements statements, SelectSeekStep2<? extends Record, Instant, Long> orderedQuery, Table<?> rowsOf,
                RowReader<T> rows, Function<? super T, Keyset> positionOf) {
        int conditionValues = statements.dsl().extractBindValues(orderedQuery).size();
        this.firstPage = RenderedOnce.returningRows(statements, orderedQuery.limit(1), rowsOf, rows);
        this.pageAfter = RenderedOnce.returningRows(statements, orderedQuery.seek(Instant.EPOCH, 0L).limit(1), rowsOf, rows);
        this.positionOf = positionOf;
        if (firstPage.bindCount() != conditionValues + 1 || pageAfter.bindCount() != conditionValues + 3) {
            throw new IllegalStateException("unexpected bind markers in " + firstPage + " or " + pageAfter);
        }
    }

    /** The page {@code page} asks for, given the values of the query's conditions in their order. */
    Page<T> fetch(PageRequest page, Object... conditionValues) {
        List<T> rows = page.after()
                .map(after -> pageAfter.fetch(append(conditionValues, after.at(), after.id(), (long) page.fetchSize())))
                .orElseGet(() -> firstPage.fetch(append(conditionValues, (long) page.fetchSize())));
        return Page.fromLookahead(rows, page, positionOf);
    }

    private static Object[] append(Object[] values, Object... more) {
        Object[] all = Arrays.copyOf(values, values.length + more.length);
        System.arraycopy(more, 0, all, values.length, more.length);
        return all;
    }
}
