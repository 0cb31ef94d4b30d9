package dev.taskline.codegen;

import dev.taskline.db.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Jdbc;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generates the jOOQ classes from the real schema: an embedded PostgreSQL migrated by Flyway with
 * the scripts of db/, then jOOQ's generator reading the live catalog.
 *
 * <p>Why not jOOQ's DDLDatabase: it replays the scripts on H2, which rejects our plpgsql trigger
 * functions and the {@code lower(email)} unique index. A real PostgreSQL reads them as production does.
 *
 * <p>Arguments: the jOOQ generator configuration (XML, without {@code <jdbc>}) and the target
 * directory, which overrides the one in the file.
 */
public final class GenerateJooqClasses {
    private GenerateJooqClasses() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: GenerateJooqClasses <codegen.xml> <target-directory>");
        }
        Path configFile = Path.of(args[0]);
        Path targetDirectory = Path.of(args[1]);

        Configuration configuration;
        try (InputStream in = Files.newInputStream(configFile)) {
            configuration = GenerationTool.load(in);
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            new Migrations(postgres.getPostgresDatabase()).migrate();
            configuration.withJdbc(new Jdbc()
                    .withDriver("org.postgresql.Driver")
                    .withUrl(postgres.getJdbcUrl("postgres", "postgres"))
                    .withUser("postgres"));
            configuration.getGenerator().getTarget().setDirectory(targetDirectory.toString());
            GenerationTool.generate(configuration);
        }
    }
}
