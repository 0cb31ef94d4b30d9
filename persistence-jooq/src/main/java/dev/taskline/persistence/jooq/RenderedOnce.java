package dev.taskline.persistence.jooq;

import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A statement built with the generated classes whose SQL jOOQ renders once, when the repository
 * is made, and which then runs as a JDBC prepared statement on the adapter's connections (the
 * same pool, the same reserved connection inside a transaction, the same error translation and
 * SQL echo as jOOQ's own execution). Rendering, and then jOOQ's records, were most of the
 * adapter's cost on the hottest requests (docs/benchmarks.md, ADR 0006 and 0007).
 *
 * <p>Bind values are given in the order of the rendered markers, written next to each call. Each
 * marker takes the type of the template's value at that place (so a NULL is typed, which
 * {@code ? IS NULL} needs); a value of another type, or a wrong number of values, is refused
 * before anything runs. Rows are read by a {@link RowReader} at the positions of the generated
 * table's columns; the first result checks that the statement returns exactly those columns.
 */
final class RenderedOnce<T> {
    private final ReservableConnectionProvider connections;
    private final boolean echo;
    private final String sql;
    private final List<Class<?>> bindTypes;
    private final List<String> columns;   // empty: the statement returns no rows
    private final RowReader<T> rows;
    private volatile boolean columnsChecked;

    private RenderedOnce(Statements statements, Query template, List<String> columns, RowReader<T> rows) {
        DSLContext dsl = statements.dsl();
        this.connections = statements.connections();
        this.echo = statements.echo();
        this.sql = dsl.render(template); // one '?' per bind value
        this.bindTypes = dsl.extractBindValues(template).stream().<Class<?>>map(RenderedOnce::bindType).toList();
        this.columns = columns;
        this.rows = rows;
    }

    /** A statement whose rows are whole rows of {@code rowsOf}, each read by {@code rows}. */
    static <T> RenderedOnce<T> returningRows(Statements statements, Query template, Table<?> rowsOf, RowReader<T> rows) {
        return new RenderedOnce<>(statements, template, RowReader.columnNames(rowsOf), rows);
    }

    /** A statement that returns no rows, only a count. */
    static RenderedOnce<Void> withoutRows(Statements statements, Query template) {
        return new RenderedOnce<>(statements, template, List.of(), row -> null);
    }

    int bindCount() {
        return bindTypes.size();
    }

    List<T> fetch(Object... bindValues) {
        return run(bindValues, statement -> {
            try (ResultSet result = statement.executeQuery()) {
                checkColumns(result.getMetaData());
                List<T> read = new ArrayList<>();
                while (result.next()) {
                    read.add(rows.read(result));
                }
                echo(read.size());
                return read;
            }
        });
    }

    Optional<T> fetchOptional(Object... bindValues) {
        List<T> read = fetch(bindValues);
        if (read.size() > 1) {
            throw new IllegalStateException(read.size() + " rows where at most one was expected: " + sql);
        }
        return read.isEmpty() ? Optional.empty() : Optional.of(read.get(0));
    }

    T fetchSingle(Object... bindValues) {
        return fetchOptional(bindValues).orElseThrow(() -> new IllegalStateException("no row where one was expected: " + sql));
    }

    /** Runs the statement; the number of rows it changed. */
    int execute(Object... bindValues) {
        return run(bindValues, statement -> {
            int changed = statement.executeUpdate();
            echo(changed);
            return changed;
        });
    }

    private interface Work<R> {
        R on(PreparedStatement statement) throws SQLException;
    }

    private <R> R run(Object[] bindValues, Work<R> work) {
        checkBinds(bindValues);
        Connection connection;
        try {
            connection = connections.acquire();
        } catch (DataAccessException noConnection) {
            throw DatabaseErrors.translateOrKeep(noConnection);
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < bindValues.length; i++) {
                bind(statement, i + 1, bindTypes.get(i), bindValues[i]);
            }
            return work.on(statement);
        } catch (SQLException e) {
            throw DatabaseErrors.translateOrKeep(new DataAccessException("SQL [" + sql + "]; " + e.getMessage(), e));
        } finally {
            connections.release(connection);
        }
    }

    private void checkBinds(Object[] bindValues) {
        if (bindValues.length != bindTypes.size()) {
            throw new IllegalArgumentException(bindValues.length + " bind values for " + bindTypes.size() + " markers in " + sql);
        }
        for (int i = 0; i < bindValues.length; i++) {
            if (bindValues[i] != null && bindValues[i].getClass() != bindTypes.get(i)) {
                throw new IllegalArgumentException("bind value " + (i + 1) + " is a " + bindValues[i].getClass().getSimpleName()
                        + " where " + sql + " expects a " + bindTypes.get(i).getSimpleName());
            }
        }
    }

    private void checkColumns(ResultSetMetaData result) throws SQLException {
        if (columnsChecked) {
            return;
        }
        List<String> returned = new ArrayList<>();
        for (int i = 1; i <= result.getColumnCount(); i++) {
            returned.add(result.getColumnName(i));
        }
        if (!returned.equals(columns)) {
            throw new IllegalStateException("the rows of " + sql + " have the columns " + returned + ", not " + columns);
        }
        columnsChecked = true;
    }

    private void echo(int rowCount) {
        if (echo) {
            SqlEchoListener.echo(sql, rowCount);
        }
    }

    private static Class<?> bindType(Object templateValue) {
        if (templateValue == null) {
            throw new IllegalArgumentException("a template's bind values give the markers their types: none may be null");
        }
        Class<?> type = templateValue.getClass();
        if (type == Long.class || type == Integer.class || type == String.class || type == Boolean.class
                || type == LocalDate.class || type == Instant.class) {
            return type;
        }
        throw new IllegalArgumentException("no JDBC binding for a bind value of type " + type.getName());
    }

    private static void bind(PreparedStatement statement, int marker, Class<?> type, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(marker, sqlType(type));
        } else if (type == Long.class) {
            statement.setLong(marker, (Long) value);
        } else if (type == Integer.class) {
            statement.setInt(marker, (Integer) value);
        } else if (type == String.class) {
            statement.setString(marker, (String) value);
        } else if (type == Boolean.class) {
            statement.setBoolean(marker, (Boolean) value);
        } else if (type == LocalDate.class) {
            statement.setObject(marker, value, Types.DATE);
        } else {
            statement.setObject(marker, OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    private static int sqlType(Class<?> type) {
        if (type == Long.class) {
            return Types.BIGINT;
        } else if (type == Integer.class) {
            return Types.INTEGER;
        } else if (type == String.class) {
            return Types.VARCHAR;
        } else if (type == Boolean.class) {
            return Types.BOOLEAN;
        } else if (type == LocalDate.class) {
            return Types.DATE;
        }
        return Types.TIMESTAMP_WITH_TIMEZONE;
    }

    @Override
    public String toString() {
        return sql;
    }
}
