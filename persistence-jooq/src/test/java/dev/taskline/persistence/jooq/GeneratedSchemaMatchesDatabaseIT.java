package dev.taskline.persistence.jooq;

import dev.taskline.persistence.jooq.generated.Public;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jOOQ classes generated at build time agree with the schema the migrations really produce:
 * the same tables (Flyway's history aside), the same columns, compatible types, the same NOT NULLs.
 * A deliberately altered schema is reported as a mismatch, so the check is known to be able to fail.
 */
class GeneratedSchemaMatchesDatabaseIT {
    private static final String HISTORY_TABLE = "flyway_schema_history";

    @RegisterExtension
    static final PersistenceFixture db = new PersistenceFixture();

    @Test
    void theGeneratedClasses_matchTheMigratedSchema() throws SQLException {
        Map<String, Map<String, Column>> generated = generatedSchema();

        try (Connection connection = db.connection()) {
            Map<String, Map<String, Column>> live = liveSchema(connection);

            assertThat(live.keySet()).containsExactlyInAnyOrder("users", "tasks", "conversations", "messages");
            assertThat(differences(generated, live)).isEmpty();
            assertThat(generated).isEqualTo(live);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ALTER TABLE tasks ADD COLUMN x int                         | tasks.x
            ALTER TABLE tasks DROP COLUMN due_date                     | tasks.due_date
            ALTER TABLE tasks ALTER COLUMN description SET NOT NULL    | tasks.description
            ALTER TABLE users ALTER COLUMN name SET NOT NULL           | users.name
            ALTER TABLE messages ALTER COLUMN role DROP NOT NULL       | messages.role
            ALTER TABLE tasks ALTER COLUMN due_date TYPE timestamptz   | tasks.due_date
            ALTER TABLE tasks ALTER COLUMN version TYPE integer        | tasks.version
            ALTER TABLE users ALTER COLUMN email TYPE varchar(255)     | users.email
            ALTER TABLE messages RENAME COLUMN content TO body          | messages.content
            CREATE TABLE attachments (id bigint PRIMARY KEY)           | attachments
            ALTER TABLE conversations RENAME TO chats                  | conversations
            """)
    void anAlteredSchema_isReportedAsAMismatch(String ddl, String expectedSubject) throws SQLException {
        Map<String, Map<String, Column>> generated = generatedSchema();

        try (Connection connection = db.connection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(ddl); // PostgreSQL's DDL is transactional: rolled back below
                List<String> differences = differences(generated, liveSchema(connection));

                assertThat(differences).isNotEmpty().anySatisfy(difference -> assertThat(difference).startsWith(expectedSubject + ":"));
            } finally {
                connection.rollback();
            }
            assertThat(differences(generated, liveSchema(connection))).as("after the rollback").isEmpty();
        }
    }

    /** A column as both sides can describe it: the PostgreSQL type name and whether it takes NULL. */
    record Column(String type, boolean nullable) {
    }

    /** Table name → column name → column, from the generated classes. */
    static Map<String, Map<String, Column>> generatedSchema() {
        Map<String, Map<String, Column>> schema = new TreeMap<>();
        for (Table<?> table : Public.PUBLIC.getTables()) {
            Map<String, Column> columns = new TreeMap<>();
            for (Field<?> field : table.fields()) {
                columns.put(field.getName(), new Column(postgresTypeOf(field.getDataType()), field.getDataType().nullable()));
            }
            schema.put(table.getName(), columns);
        }
        return schema;
    }

    /** Table name → column name → column, from the database's information_schema. */
    static Map<String, Map<String, Column>> liveSchema(Connection connection) throws SQLException {
        Map<String, Map<String, Column>> schema = new TreeMap<>();
        try (PreparedStatement tables = connection.prepareStatement("""
                SELECT table_name FROM information_schema.tables
                 WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> ?""")) {
            tables.setString(1, HISTORY_TABLE);
            try (ResultSet rows = tables.executeQuery()) {
                while (rows.next()) {
                    schema.put(rows.getString(1), new TreeMap<>());
                }
            }
        }
        try (PreparedStatement columns = connection.prepareStatement("""
                SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
                 WHERE table_schema = current_schema() AND table_name <> ?""")) {
            columns.setString(1, HISTORY_TABLE);
            try (ResultSet rows = columns.executeQuery()) {
                while (rows.next()) {
                    Map<String, Column> table = schema.get(rows.getString(1));
                    if (table != null) { // views have columns too, but no generated table
                        table.put(rows.getString(2), new Column(rows.getString(3), "YES".equals(rows.getString(4))));
                    }
                }
            }
        }
        return schema;
    }

    /** Every disagreement, each starting with its subject: {@code table:} or {@code table.column:}. */
    static List<String> differences(Map<String, Map<String, Column>> generated, Map<String, Map<String, Column>> live) {
        List<String> differences = new ArrayList<>();
        Set<String> tables = new TreeSet<>(generated.keySet());
        tables.addAll(live.keySet());
        for (String table : tables) {
            if (!live.containsKey(table)) {
                differences.add(table + ": generated, but not in the database");
                continue;
            }
            if (!generated.containsKey(table)) {
                differences.add(table + ": in the database, but not generated");
                continue;
            }
            Set<String> columns = new TreeSet<>(generated.get(table).keySet());
            columns.addAll(live.get(table).keySet());
            for (String column : columns) {
                Column expected = generated.get(table).get(column);
                Column actual = live.get(table).get(column);
                String subject = table + "." + column + ": ";
                if (actual == null) {
                    differences.add(subject + "generated, but not in the database");
                } else if (expected == null) {
                    differences.add(subject + "in the database, but not generated");
                } else {
                    if (!expected.type().equals(actual.type())) {
                        differences.add(subject + "generated as " + expected.type() + ", but the database has " + actual.type());
                    }
                    if (expected.nullable() != actual.nullable()) {
                        differences.add(subject + (expected.nullable() ? "generated nullable, but NOT NULL in the database"
                                : "generated NOT NULL, but nullable in the database"));
                    }
                }
            }
        }
        return differences;
    }

    /**
     * The PostgreSQL type (as information_schema names it) a generated field stands for. Unknown
     * types fail loudly rather than compare as equal by accident.
     */
    static String postgresTypeOf(DataType<?> type) {
        DataType<?> sql = type.getSQLDataType();
        Class<?> java = sql.getType();
        if (java == String.class) {
            return switch (sql.getTypeName()) {
                case "clob", "text" -> "text";
                case "varchar" -> "character varying";
                case "char" -> "character";
                default -> throw new IllegalArgumentException("unmapped text type " + sql.getTypeName());
            };
        }
        Map<Class<?>, String> byJavaType = Map.ofEntries(
                Map.entry(Long.class, "bigint"),
                Map.entry(Integer.class, "integer"),
                Map.entry(Short.class, "smallint"),
                Map.entry(Boolean.class, "boolean"),
                Map.entry(BigDecimal.class, "numeric"),
                Map.entry(Double.class, "double precision"),
                Map.entry(Float.class, "real"),
                Map.entry(LocalDate.class, "date"),
                Map.entry(LocalTime.class, "time without time zone"),
                Map.entry(LocalDateTime.class, "timestamp without time zone"),
                Map.entry(OffsetDateTime.class, "timestamp with time zone"),
                Map.entry(Instant.class, "timestamp with time zone"),
                Map.entry(UUID.class, "uuid"),
                Map.entry(byte[].class, "bytea"));
        String postgres = byJavaType.get(java);
        if (postgres == null) {
            throw new IllegalArgumentException("unmapped type " + sql.getTypeName() + " (" + java.getName() + ")");
        }
        return postgres;
    }
}
