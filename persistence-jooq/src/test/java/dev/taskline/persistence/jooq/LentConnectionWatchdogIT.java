package dev.taskline.persistence.jooq;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The bound on a database that stops answering, on a real PostgreSQL: a {@code pg_sleep} longer
 * than the limit stands for the silence (from the client's side the two look the same).
 */
class LentConnectionWatchdogIT {

    @RegisterExtension
    static final PersistenceFixture db = new PersistenceFixture();

    @Test
    void aConnectionLentPastTheLimit_isCut_andItsStatementFailsWithAConnectionError() throws SQLException {
        try (var watchdog = LentConnectionWatchdog.cuttingAfter(Duration.ofMillis(300))) {
            var connections = new ReservableConnectionProvider(db.pool(), watchdog);
            Connection connection = connections.borrow();
            long start = System.nanoTime();

            assertThatThrownBy(() -> selectAfterSleeping(connection, 20))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).startsWith("08"));

            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertThat(waited).as("cut after the limit, within a sweep").isBetween(Duration.ofMillis(300), Duration.ofSeconds(5));
            assertThat(watchdog.watched()).isZero();
            connections.giveBack(connection);

            Connection next = connections.borrow();
            assertThat(selectAfterSleeping(next, 0)).as("the pool serves a working connection again").isEqualTo(1);
            connections.giveBack(next);
        }
    }

    @Test
    void loansShorterThanTheLimit_areNeverCut_howeverLongTheyGoOnOneAfterAnother() throws SQLException {
        try (var watchdog = LentConnectionWatchdog.cuttingAfter(Duration.ofMillis(200))) {
            var connections = new ReservableConnectionProvider(db.pool(), watchdog);
            long until = System.nanoTime() + Duration.ofMillis(800).toNanos();
            int loans = 0;
            while (System.nanoTime() < until) {
                Connection connection = connections.borrow();
                assertThat(watchdog.watched()).isEqualTo(1);
                assertThat(selectAfterSleeping(connection, 0.05)).isEqualTo(1);
                connections.giveBack(connection);
                loans++;
            }
            assertThat(loans).isGreaterThan(3);
            assertThat(watchdog.watched()).isZero();
        }
    }

    @Test
    void aConnectionAbortedAfterItWasGivenBack_leavesTheNextBorrowerAlone() throws SQLException {
        // What makes a sweep that races with a give-back harmless: the pool's loans are separate objects.
        try (var watchdog = LentConnectionWatchdog.cuttingAfter(Duration.ofSeconds(30))) {
            var connections = new ReservableConnectionProvider(db.pool(), watchdog);
            Connection givenBack = connections.borrow();
            connections.giveBack(givenBack);
            Connection next = connections.borrow();

            try {
                givenBack.abort(Runnable::run);
            } catch (SQLException alreadyClosed) {
                // HikariCP refuses it on a closed loan: just as harmless
            }

            assertThat(selectAfterSleeping(next, 0)).isEqualTo(1);
            connections.giveBack(next);
        }
    }

    @Test
    void theAdapterWithALimit_answersAsUsual_andClosesItsWatchdog() {
        Set<Thread> before = watchdogThreads();
        try (JooqPersistence persistence = JooqPersistence.create(db.pool(), false, Duration.ofSeconds(30))) {
            var owner = db.newUser();
            var created = persistence.tasks().insert(owner, TestData.aTask().titled("watched").build());
            assertThat(persistence.tasks().find(owner, created.id())).hasValueSatisfying(
                    task -> assertThat(task.title().value()).isEqualTo("watched"));
            assertThat(persistence.databaseUp()).isTrue();
            assertThat(watchdogThreads()).as("its sweeper runs").hasSize(before.size() + 1);
        }
        assertThat(watchdogThreads()).as("closing stopped the sweeper").isEqualTo(before);
    }

    /** The live sweeper threads of every watchdog in this JVM. */
    private static Set<Thread> watchdogThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().equals("taskline-db-watchdog"))
                .collect(Collectors.toSet());
    }

    private static int selectAfterSleeping(Connection connection, double seconds) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT 1 FROM pg_sleep(" + seconds + ")")) {
            row.next();
            return row.getInt(1);
        }
    }
}
