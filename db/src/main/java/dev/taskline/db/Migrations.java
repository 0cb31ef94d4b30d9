package dev.taskline.db;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the schema's migrations forwards with Flyway and backwards with our undo scripts.
 *
 * <p>Flyway's free edition has no undo, so every {@code db/migration/V<n>__<what>.sql} has a
 * {@code db/undo/U<n>__<what>.sql} beside it; {@link #downgradeTo} runs them newest first, each in
 * its own transaction together with the removal of its row from Flyway's history table, so that a
 * later {@link #migrate} applies the version again.
 */
public final class Migrations {
    public static final String MIGRATION_LOCATION = "db/migration";
    public static final String UNDO_LOCATION = "db/undo";
    static final String HISTORY_TABLE = "flyway_schema_history";

    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    private final DataSource dataSource;

    public Migrations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Migrates the schema to the newest version; returns how many migrations ran. */
    public int migrate() {
        var result = flyway().migrate();
        return result.migrationsExecuted;
    }

    /** The version the schema is at, 0 for an empty schema. */
    public int currentVersion() {
        return appliedMigrations().stream().mapToInt(AppliedMigration::version).max().orElse(0);
    }

    /** Undoes every applied migration newer than {@code targetVersion}, newest first. */
    public void downgradeTo(int targetVersion) {
        for (AppliedMigration applied : appliedMigrations().reversed()) {
            if (applied.version() > targetVersion) {
                undo(applied);
            }
        }
    }

    /** The undo script of a forward script: V3__x.sql is undone by U3__x.sql. */
    static String undoScriptFor(String forwardScript) {
        if (!forwardScript.startsWith("V")) {
            throw new IllegalArgumentException("not a versioned migration: " + forwardScript);
        }
        return UNDO_LOCATION + "/U" + forwardScript.substring(1);
    }

    private Flyway flyway() {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:" + MIGRATION_LOCATION)
                .table(HISTORY_TABLE)
                .validateMigrationNaming(true)
                .cleanDisabled(true)
                .load();
    }

    private void undo(AppliedMigration applied) {
        String sql = readResource(undoScriptFor(applied.script()));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement();
                 PreparedStatement forget = connection.prepareStatement(
                         "DELETE FROM " + HISTORY_TABLE + " WHERE version = ?")) {
                statement.execute(sql);
                forget.setString(1, Integer.toString(applied.version()));
                forget.executeUpdate();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("undo of version " + applied.version() + " failed", e);
        }
        log.info("Undid schema version {} ({})", applied.version(), applied.script());
    }

    private List<AppliedMigration> appliedMigrations() {
        List<AppliedMigration> applied = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            if (!historyTableExists(connection)) {
                return applied;
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(
                         "SELECT version, script FROM " + HISTORY_TABLE
                                 + " WHERE success AND version IS NOT NULL ORDER BY installed_rank")) {
                while (rows.next()) {
                    applied.add(new AppliedMigration(Integer.parseInt(rows.getString(1)), rows.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the migration history", e);
        }
        return applied;
    }

    private static boolean historyTableExists(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            statement.setString(1, HISTORY_TABLE);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private static String readResource(String path) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing undo script " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record AppliedMigration(int version, String script) {
    }
}
