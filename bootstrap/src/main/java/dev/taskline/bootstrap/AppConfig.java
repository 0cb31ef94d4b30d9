package dev.taskline.bootstrap;

import dev.taskline.db.DatabaseUrl;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Taskline's configuration, read from the environment. Safe defaults for a developer; loud
 * refusals of unsafe production settings (see docs/operations.md for every variable).
 *
 * @param port           PORT, default 8080 (0 picks a free port)
 * @param databaseUrl    DATABASE_URL (libpq or JDBC form); empty: the embedded PostgreSQL
 * @param poolSize       DATABASE_POOL_SIZE, default 10
 * @param echoSql        DATABASE_ECHO: log every SQL statement
 * @param jwtSecret      JWT_SECRET (at least 32 bytes); empty in development: a generated one kept in the data directory
 * @param jwtTtl         JWT_TTL: seconds or an ISO-8601 duration, default 1 hour
 * @param bcryptCost     BCRYPT_COST, default 10
 * @param dataDirectory  TASKLINE_DATA_DIR, default ./data (embedded database, generated secret)
 * @param production     TASKLINE_ENV=production
 * @param databaseTimeouts DATABASE_CONNECTION_TIMEOUT (5s), DATABASE_STATEMENT_TIMEOUT (15s), DATABASE_STARTUP_TIMEOUT (60s)
 * @param httpSecurity   AUTH_RATE_LIMIT_*, TRUSTED_PROXIES, JWT_PREVIOUS_SECRETS(_UNTIL), CORS_ALLOWED_ORIGINS, HSTS_MAX_AGE
 */
public record AppConfig(
        int port,
        Optional<DatabaseUrl> databaseUrl,
        int poolSize,
        boolean echoSql,
        Optional<byte[]> jwtSecret,
        Duration jwtTtl,
        int bcryptCost,
        Path dataDirectory,
        boolean production,
        DatabaseTimeouts databaseTimeouts,
        HttpSecurityConfig httpSecurity) {

    public static final int MIN_SECRET_BYTES = 32;

    /**
     * With the default database timeouts, and the default HTTP defences but no throttling of
     * sign-ins ({@link HttpSecurityConfig#withoutRateLimits()}): what tests and tools start servers with.
     */
    public AppConfig(int port, Optional<DatabaseUrl> databaseUrl, int poolSize, boolean echoSql, Optional<byte[]> jwtSecret,
                     Duration jwtTtl, int bcryptCost, Path dataDirectory, boolean production) {
        this(port, databaseUrl, poolSize, echoSql, jwtSecret, jwtTtl, bcryptCost, dataDirectory, production, DatabaseTimeouts.DEFAULTS,
                HttpSecurityConfig.withoutRateLimits());
    }

    /** With these database timeouts, and the HTTP defences of the constructor above (no throttling of sign-ins). */
    public AppConfig(int port, Optional<DatabaseUrl> databaseUrl, int poolSize, boolean echoSql, Optional<byte[]> jwtSecret,
                     Duration jwtTtl, int bcryptCost, Path dataDirectory, boolean production, DatabaseTimeouts databaseTimeouts) {
        this(port, databaseUrl, poolSize, echoSql, jwtSecret, jwtTtl, bcryptCost, dataDirectory, production, databaseTimeouts,
                HttpSecurityConfig.withoutRateLimits());
    }

    public AppConfig {
        java.util.Objects.requireNonNull(httpSecurity, "httpSecurity");
        if (port < 0 || port > 65535) {
            throw new ConfigException("PORT must be between 0 and 65535");
        }
        if (poolSize < 1 || poolSize > 1000) {
            throw new ConfigException("DATABASE_POOL_SIZE must be between 1 and 1000");
        }
        if (jwtSecret.isPresent() && jwtSecret.get().length < MIN_SECRET_BYTES) {
            throw new ConfigException("JWT_SECRET must be at least " + MIN_SECRET_BYTES + " bytes (HS256 needs a 256-bit key)");
        }
        if (jwtSecret.isEmpty() && production) {
            throw new ConfigException("JWT_SECRET is required when TASKLINE_ENV=production");
        }
        if (jwtTtl.isNegative() || jwtTtl.isZero()) {
            throw new ConfigException("JWT_TTL must be positive");
        }
    }

    public static AppConfig fromEnvironment(Map<String, String> env) {
        return new AppConfig(
                integer(env, "PORT", 8080),
                value(env, "DATABASE_URL").map(AppConfig::databaseUrl),
                integer(env, "DATABASE_POOL_SIZE", 10),
                bool(env, "DATABASE_ECHO"),
                value(env, "JWT_SECRET").map(secret -> secret.getBytes(StandardCharsets.UTF_8)),
                value(env, "JWT_TTL").map(AppConfig::duration).orElse(Duration.ofHours(1)),
                integer(env, "BCRYPT_COST", 10),
                Path.of(value(env, "TASKLINE_DATA_DIR").orElse("data")),
                value(env, "TASKLINE_ENV").map(v -> v.equalsIgnoreCase("production")).orElse(false),
                new DatabaseTimeouts(
                        duration(env, "DATABASE_CONNECTION_TIMEOUT", DatabaseTimeouts.DEFAULTS.connection()),
                        duration(env, "DATABASE_STATEMENT_TIMEOUT", DatabaseTimeouts.DEFAULTS.statement()),
                        duration(env, "DATABASE_STARTUP_TIMEOUT", DatabaseTimeouts.DEFAULTS.startup()),
                        duration(env, "DATABASE_MIGRATION_TIMEOUT", DatabaseTimeouts.DEFAULTS.migration())),
                HttpSecurityConfig.fromEnvironment(env));
    }

    /** A copy on another port. */
    public AppConfig withPort(int newPort) {
        return new AppConfig(newPort, databaseUrl, poolSize, echoSql, jwtSecret, jwtTtl, bcryptCost, dataDirectory, production,
                databaseTimeouts, httpSecurity);
    }

    public AppConfig withDatabaseTimeouts(DatabaseTimeouts timeouts) {
        return new AppConfig(port, databaseUrl, poolSize, echoSql, jwtSecret, jwtTtl, bcryptCost, dataDirectory, production, timeouts,
                httpSecurity);
    }

    public AppConfig withHttpSecurity(HttpSecurityConfig security) {
        return new AppConfig(port, databaseUrl, poolSize, echoSql, jwtSecret, jwtTtl, bcryptCost, dataDirectory, production,
                databaseTimeouts, security);
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static int integer(Map<String, String> env, String name, int fallback) {
        return value(env, name).map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new ConfigException(name + " must be a whole number");
            }
        }).orElse(fallback);
    }

    private static boolean bool(Map<String, String> env, String name) {
        return value(env, name).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> throw new ConfigException(name + " must be true or false");
        }).orElse(false);
    }

    private static DatabaseUrl databaseUrl(String raw) {
        try {
            return DatabaseUrl.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("DATABASE_URL: " + e.getMessage());
        }
    }

    private static Duration duration(Map<String, String> env, String name, Duration fallback) {
        return value(env, name).map(v -> duration(name, v)).orElse(fallback);
    }

    /** {@code 3600}, {@code PT1H}, {@code 90m} or {@code 1h}. */
    static Duration duration(String raw) {
        return duration("JWT_TTL", raw);
    }

    /** {@code name}'s value: seconds ({@code 3600}), {@code 500ms}, {@code 90s}, {@code 90m}, {@code 1h}, {@code 2d} or ISO-8601 ({@code PT1H}). */
    static Duration duration(String name, String raw) {
        try {
            if (raw.matches("\\d+ms")) {
                return Duration.ofMillis(Long.parseLong(raw.substring(0, raw.length() - 2)));
            }
            if (raw.matches("\\d+")) {
                return Duration.ofSeconds(Long.parseLong(raw));
            }
            if (raw.matches("\\d+[smhd]")) {
                long amount = Long.parseLong(raw.substring(0, raw.length() - 1));
                return switch (raw.charAt(raw.length() - 1)) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    case 'h' -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            }
            return Duration.parse(raw);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new ConfigException(name + " must be seconds, like 3600, or a duration, like 500ms, 1h or PT1H");
        }
    }

    @Override
    public String toString() {
        return "AppConfig[port=" + port + ", database=" + databaseUrl.map(DatabaseUrl::toString).orElse("embedded")
                + ", poolSize=" + poolSize + ", production=" + production + ", " + databaseTimeouts + ", " + httpSecurity + "]";
    }
}
