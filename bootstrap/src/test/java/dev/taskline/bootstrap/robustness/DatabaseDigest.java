package dev.taskline.bootstrap.robustness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every row of every table, reduced to a count and an MD5 of the rows in id order, read over JDBC
 * beside the API: equal digests before and after a run prove that the database did not change at
 * all, whoever's rows a request might have reached.
 */
final class DatabaseDigest {
    private static final List<String> TABLES = List.of("users", "tasks", "conversations", "messages");

    private DatabaseDigest() {
    }

    /** Table name to {@code "<rows> rows, md5 <digest>"}. */
    static Map<String, String> of(DataSource database) {
        Map<String, String> digests = new LinkedHashMap<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet row = statement.executeQuery(
                        "SELECT count(*), coalesce(md5(string_agg(t::text, '|' ORDER BY t.id)), '-') FROM " + table + " t")) {
                    row.next();
                    digests.put(table, row.getLong(1) + " rows, md5 " + row.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the test database", e);
        }
        return digests;
    }
}
