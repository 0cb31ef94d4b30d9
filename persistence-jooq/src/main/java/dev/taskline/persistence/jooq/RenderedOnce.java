package dev.taskline.persistence.jooq;

import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Table;

/**
 * A statement built with the generated classes whose SQL jOOQ renders once, when the repository
 * is made, instead of on every call: rendering was most of jOOQ's cost on the hottest requests
 * (docs/benchmarks.md). It runs as plain SQL with its bind values, in their order, through the
 * same {@link DSLContext} (the same connection handling, listeners and error translation), and
 * its rows come back as the table's generated records.
 */
final class RenderedOnce<R extends Record> {
    private final DSLContext dsl;
    private final Table<R> table;
    private final String sql;
    private final int bindCount;

    RenderedOnce(DSLContext dsl, Table<R> table, Query statement) {
        this.dsl = dsl;
        this.table = table;
        this.sql = dsl.render(statement); // one '?' per bind value
        this.bindCount = dsl.extractBindValues(statement).size();
    }

    /**
     * The statement with these bind values, as a query returning the table's records. A value may
     * be a jOOQ {@code Param}, to give a NULL its type.
     */
    ResultQuery<R> query(Object... bindValues) {
        return dsl.resultQuery(sql, checked(bindValues)).coerce(table);
    }

    /** Runs the statement with these bind values; the number of rows it changed. */
    int execute(Object... bindValues) {
        return dsl.execute(sql, checked(bindValues));
    }

    private Object[] checked(Object[] bindValues) {
        if (bindValues.length != bindCount) {
            throw new IllegalArgumentException(bindValues.length + " bind values for " + bindCount + " markers in " + sql);
        }
        return bindValues;
    }

    @Override
    public String toString() {
        return sql;
    }
}
