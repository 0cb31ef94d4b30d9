package dev.taskline.archfixture.http.javalin;

import java.sql.Connection;
import java.sql.SQLException;

/** Violates: only the persistence adapter uses jOOQ or JDBC. */
public class HandlerWithSql {
    public void handle(Connection connection) throws SQLException {
        connection.createStatement().execute("SELECT 1");
    }
}
