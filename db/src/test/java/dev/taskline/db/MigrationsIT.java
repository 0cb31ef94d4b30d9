package dev.taskline.db;

import dev.taskline.db.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsIT {
    private static TestDatabase database;
    private static Migrations migrations;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.create();
        migrations = new Migrations(database.dataSource());
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void everyMigration_hasAnUndoScript() throws Exception {
        List<String> forward = scripts(Migrations.MIGRATION_LOCATION);
        assertThat(forward).isNotEmpty().allMatch(name -> name.matches("V\\d+__\\w+\\.sql"));
        for (String script : forward) {
            assertThat(Migrations.class.getClassLoader().getResource(Migrations.undoScriptFor(script)))
                    .as("undo script for %s", script).isNotNull();
        }
        assertThat(scripts(Migrations.UNDO_LOCATION)).hasSameSizeAs(forward);
    }

    @Test
    void migrateUp_down_andUpAgain_leavesTheSameSchema() throws Exception {
        int latest = scripts(Migrations.MIGRATION_LOCATION).size();

        migrations.migrate();
        assertThat(migrations.currentVersion()).isEqualTo(latest);
        List<String> migrated = schemaSnapshot(database.dataSource());
        assertThat(migrated).anyMatch(line -> line.startsWith("table messages"));

        migrations.downgradeTo(latest - 1);
        assertThat(migrations.currentVersion()).isEqualTo(latest - 1);
        assertThat(schemaSnapshot(database.dataSource())).noneMatch(line -> line.startsWith("table messages"));

        migrations.downgradeTo(0);
        assertThat(migrations.currentVersion()).isZero();
        assertThat(schemaSnapshot(database.dataSource()))
                .as("nothing but Flyway's history table is left")
                .allMatch(line -> line.contains(Migrations.HISTORY_TABLE));

        assertThat(migrations.migrate()).isEqualTo(latest);
        assertThat(schemaSnapshot(database.dataSource())).isEqualTo(migrated);
    }

    /** The script names in the module's source folder (tests run with the module as working directory). */
    private static List<String> scripts(String location) throws IOException {
        Path folder = Path.of(location.substring(location.indexOf('/') + 1));
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    /** Tables, columns, constraints, indexes, triggers and functions of the public schema, as text. */
    static List<String> schemaSnapshot(DataSource dataSource) throws SQLException {
        String sql = """
                SELECT 'table ' || table_name || ' ' || column_name || ' ' || data_type || ' ' || is_nullable
                       || ' ' || coalesce(column_default, '') || ' ' || is_identity
                  FROM information_schema.columns WHERE table_schema = 'public'
                UNION ALL
                SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                  FROM pg_constraint WHERE connamespace = 'public'::regnamespace
                UNION ALL
                SELECT 'index ' || indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
                UNION ALL
                SELECT 'trigger ' || tgrelid::regclass || ' ' || tgname || ' ' || pg_get_triggerdef(oid)
                  FROM pg_trigger WHERE NOT tgisinternal
                UNION ALL
                SELECT 'function ' || proname || ' ' || md5(prosrc)
                  FROM pg_proc WHERE pronamespace = 'public'::regnamespace
                ORDER BY 1
                """;
        List<String> lines = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
        }
        return lines;
    }
}
