package dev.taskline.bootstrap;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DATABASE_CONNECTION_TIMEOUT, DATABASE_STATEMENT_TIMEOUT, DATABASE_STARTUP_TIMEOUT and
 * DATABASE_MIGRATION_TIMEOUT, read by {@link AppConfig}.
 */
class DatabaseTimeoutsTest {

    @Test
    void unset_theDefaults_5s_15s_60s_1h() {
        DatabaseTimeouts timeouts = AppConfig.fromEnvironment(Map.of()).databaseTimeouts();

        assertThat(timeouts).isEqualTo(DatabaseTimeouts.DEFAULTS);
        assertThat(timeouts.connection()).isEqualTo(Duration.ofSeconds(5));
        assertThat(timeouts.statement()).isEqualTo(Duration.ofSeconds(15));
        assertThat(timeouts.startup()).isEqualTo(Duration.ofSeconds(60));
        assertThat(timeouts.migration()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void set_inMillisecondsSecondsMinutesOrIso8601() {
        DatabaseTimeouts timeouts = AppConfig.fromEnvironment(Map.of(
                "DATABASE_CONNECTION_TIMEOUT", "750ms",
                "DATABASE_STATEMENT_TIMEOUT", "30",
                "DATABASE_STARTUP_TIMEOUT", "PT2M",
                "DATABASE_MIGRATION_TIMEOUT", "90m")).databaseTimeouts();

        assertThat(timeouts).isEqualTo(new DatabaseTimeouts(Duration.ofMillis(750), Duration.ofSeconds(30), Duration.ofMinutes(2),
                Duration.ofMinutes(90)));
    }

    @Test
    void aStartupTimeoutOfZero_meansOneAttempt() {
        assertThat(AppConfig.fromEnvironment(Map.of("DATABASE_STARTUP_TIMEOUT", "0")).databaseTimeouts().startup()).isZero();
    }

    @Test
    void unusableValues_areRefused_namingTheVariable() {
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("DATABASE_STATEMENT_TIMEOUT", "soon")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("DATABASE_STATEMENT_TIMEOUT must be");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("DATABASE_STATEMENT_TIMEOUT", "0")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("DATABASE_STATEMENT_TIMEOUT must be");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("DATABASE_CONNECTION_TIMEOUT", "100ms")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("DATABASE_CONNECTION_TIMEOUT must be at least 250ms");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("DATABASE_STARTUP_TIMEOUT", "-PT1S")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("DATABASE_STARTUP_TIMEOUT must not be negative");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("DATABASE_MIGRATION_TIMEOUT", "0")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("DATABASE_MIGRATION_TIMEOUT must be");
        assertThatThrownBy(() -> AppConfig.fromEnvironment(Map.of("DATABASE_MIGRATION_TIMEOUT", "P30D")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("DATABASE_MIGRATION_TIMEOUT must be");
    }

    @Test
    void aGracefulStop_waitsAsLongAsARequestMayWaitForTheDatabase_andFiveSeconds() {
        assertThat(DatabaseTimeouts.DEFAULTS.shutdownGrace()).isEqualTo(Duration.ofSeconds(25));
    }

    @Test
    void theLongestSilence_outlastsTheStatementTimeout_soTheServerCutsAStatementFirst() {
        assertThat(DatabasePool.longestSilence(DatabaseTimeouts.DEFAULTS)).isEqualTo(Duration.ofSeconds(30));
        assertThat(DatabasePool.longestSilence(DatabaseTimeouts.DEFAULTS.withStatement(Duration.ofMinutes(1))))
                .isEqualTo(Duration.ofMinutes(2));
    }
}
