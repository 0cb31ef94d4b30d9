package dev.taskline.persistence.jooq;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariDataSource;
import dev.taskline.domain.model.user.NewUser;
import dev.taskline.domain.model.user.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

import static dev.taskline.persistence.jooq.TestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;

/** The adapter's front door beyond the ports: the health probe and the SQL echo. */
class JooqPersistenceIT {

    @RegisterExtension
    static final PersistenceFixture db = new PersistenceFixture();

    @Test
    void databaseUp_isTrue_whenTheDatabaseAnswers() {
        assertThat(db.persistence().databaseUp()).isTrue();
    }

    @Test
    void databaseUp_isFalse_whenTheDatabaseCannotBeReached_quickly_andWithoutThrowing() {
        try (HikariDataSource deadPool = PersistenceFixture.unreachablePool(Duration.ofMillis(250))) {
            long start = System.nanoTime();

            boolean up = JooqPersistence.create(deadPool).databaseUp();

            assertThat(up).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void echoSql_logsEachStatement_withPlaceholdersInsteadOfValues() {
        NewUser newUser = aUser().named("Echoed Name").build();

        List<String> lines = sqlLogDuring(() -> {
            User inserted = JooqPersistence.create(db.pool(), true).users().insert(newUser);
            JooqPersistence.create(db.pool(), false).users().find(inserted.id());
        });

        assertThat(lines).as("one line, for the echoing adapter's insert only").singleElement().satisfies(line -> {
            assertThat(line).containsIgnoringCase("insert into").contains("?");
            assertThat(line).doesNotContain(newUser.email().value(), newUser.passwordHash().value(), "Echoed Name");
        });
    }

    @Test
    void echoSql_logsTheStatementsRenderedOnce_too() {
        var owner = db.newUser();
        var task = TestData.aTask().titled("Echoed title").build();

        List<String> lines = sqlLogDuring(() -> {
            JooqPersistence.create(db.pool(), true).tasks().insert(owner, task);
            JooqPersistence.create(db.pool(), false).tasks().insert(owner, task);
        });

        assertThat(lines).as("one line, for the echoing adapter's insert only").singleElement().satisfies(line -> {
            assertThat(line).containsIgnoringCase("insert into").contains("?").endsWith("(1 rows)");
            assertThat(line).doesNotContain("Echoed title");
        });
    }

    /** The lines logged on {@code taskline.sql} while {@code work} runs (captured, not printed). */
    private static List<String> sqlLogDuring(Runnable work) {
        Logger sqlLog = (Logger) LoggerFactory.getLogger("taskline.sql");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        Level levelBefore = sqlLog.getLevel();
        boolean additiveBefore = sqlLog.isAdditive();
        sqlLog.setLevel(Level.INFO);
        sqlLog.setAdditive(false);
        sqlLog.addAppender(captured);
        try {
            work.run();
            return captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        } finally {
            sqlLog.detachAppender(captured);
            sqlLog.setLevel(levelBefore);
            sqlLog.setAdditive(additiveBefore);
        }
    }
}
