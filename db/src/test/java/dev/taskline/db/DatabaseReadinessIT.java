package dev.taskline.db;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.taskline.db.DatabaseReadiness.DatabaseUnreachable;
import dev.taskline.db.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** {@link DatabaseReadiness}: the start-up's wait for the database, on a real server and on a closed port. */
class DatabaseReadinessIT {
    private static final String PASSWORD = "pw-that-must-never-be-logged";

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(DatabaseReadiness.class);

    @BeforeEach
    void captureTheLog() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void releaseTheLog() {
        logger.detachAppender(logged);
    }

    @Test
    void aClosedPort_isRetriedWithBackOff_andGivenUpAfterTheLimit_withALineForEachAttempt() throws IOException {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://taskline:" + PASSWORD + "@127.0.0.1:" + closedPort()
                + "/taskline?password=" + PASSWORD);
        Duration limit = Duration.ofSeconds(2);

        long start = System.nanoTime();
        Throwable failure = catchThrowable(() -> DatabaseReadiness.await(url, limit));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(failure).isInstanceOf(DatabaseUnreachable.class)
                .hasMessageContaining("still not reachable after")
                .hasMessageContaining("DATABASE_STARTUP_TIMEOUT");
        assertThat(took).isGreaterThanOrEqualTo(limit).isLessThan(limit.plusSeconds(3));
        List<String> attempts = lines(Level.WARN);
        // attempts at 0, 0.5, 1.5 s, then one at the limit: three lines announcing a retry
        assertThat(attempts).hasSizeGreaterThanOrEqualTo(3);
        assertThat(attempts.get(0)).contains("Database 127.0.0.1:").contains("/taskline not reachable (attempt 1)")
                .contains("retrying in 0.5 s");
        assertThat(attempts.get(1)).contains("(attempt 2)").contains("retrying in 1.0 s");
        assertThat(attempts.get(2)).contains("(attempt 3)");
        assertThat(allLines()).noneMatch(line -> line.contains(PASSWORD));
        assertThat(failure.getMessage()).doesNotContain(PASSWORD);
    }

    @Test
    void aRunningDatabase_isReachableAtTheFirstAttempt_silently() {
        try (TestDatabase database = TestDatabase.create()) {
            DatabaseUrl url = database.url();

            DatabaseReadiness.await(url, Duration.ofSeconds(5));

            assertThat(allLines()).isEmpty();
        }
    }

    @Test
    void aDatabaseThatDoesNotExist_failsAtOnce_sinceWaitingCannotHelp() {
        try (TestDatabase database = TestDatabase.create()) {
            String missing = database.jdbcUrl().replaceFirst("/taskline_test_[0-9a-f]+", "/no_such_database");
            DatabaseUrl url = new DatabaseUrl(missing, Optional.ofNullable(database.user()), Optional.ofNullable(database.password()));

            long start = System.nanoTime();
            Throwable failure = catchThrowable(() -> DatabaseReadiness.await(url, Duration.ofSeconds(30)));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(failure).isInstanceOf(DatabaseUnreachable.class)
                    .hasMessageContaining("refused the connection")
                    .hasMessageContaining("3D000")
                    .hasMessageContaining("not retrying");
            assertThat(took).isLessThan(Duration.ofSeconds(5));
            assertThat(lines(Level.WARN)).isEmpty();
        }
    }

    @Test
    void theBackOffDoubles_upToTenSeconds() {
        List<Duration> delays = new ArrayList<>();
        Duration delay = DatabaseReadiness.FIRST_DELAY;
        for (int i = 0; i < 8; i++) {
            delays.add(delay);
            delay = DatabaseReadiness.nextDelay(delay);
        }
        assertThat(delays).extracting(Duration::toMillis)
                .containsExactly(500L, 1_000L, 2_000L, 4_000L, 8_000L, 10_000L, 10_000L, 10_000L);
    }

    private List<String> lines(Level level) {
        return logged.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }

    private List<String> allLines() {
        return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
