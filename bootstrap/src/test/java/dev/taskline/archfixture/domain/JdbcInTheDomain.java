package dev.taskline.archfixture.domain;

import java.sql.Connection;

/** Violates: the domain depends on the JDK alone, without JDBC. */
public class JdbcInTheDomain {
    public Connection connection;
}
