package dev.taskline.persistence.jooq;

import org.jooq.Field;
import org.jooq.Table;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Turns the current row of a result into a domain object. The rows of a {@link RenderedOnce}
 * statement are all the columns of one generated table in its field order ({@code SELECT} of the
 * table, {@code RETURNING *}), so a reader reads each column at its {@link #column position},
 * taken from the generated table; {@link RenderedOnce} checks the names once.
 */
@FunctionalInterface
interface RowReader<T> {

    T read(ResultSet row) throws SQLException;

    /** The 1-based position of {@code field} among its table's columns. */
    static int column(Table<?> table, Field<?> field) {
        int index = table.indexOf(field);
        if (index < 0) {
            throw new IllegalArgumentException(field + " is not a column of " + table);
        }
        return index + 1;
    }

    /** The names of {@code table}'s columns in their order: what a reader of its rows expects. */
    static List<String> columnNames(Table<?> table) {
        return table.fieldStream().map(Field::getName).toList();
    }

    /**
     * A {@code timestamptz} column as an instant, read by the driver (from the binary form once
     * the statement is prepared on the server) instead of parsed from text.
     */
    static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
