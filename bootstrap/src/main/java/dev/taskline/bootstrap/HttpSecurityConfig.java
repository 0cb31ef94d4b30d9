package dev.taskline.bootstrap;

import dev.taskline.http.javalin.AuthRateLimits;
import dev.taskline.http.javalin.headers.CorsSettings;
import dev.taskline.http.javalin.security.RateLimit;
import dev.taskline.http.javalin.security.TrustedProxies;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP adapter's defences, read from the environment (see docs/operations.md):
 *
 * @param authRateLimits          AUTH_RATE_LIMIT_PER_ACCOUNT (10/min), AUTH_RATE_LIMIT_PER_ADDRESS (30/min),
 *                                AUTH_RATE_LIMIT_MAX_KEYS (50000), TRUSTED_PROXIES (none)
 * @param jwtPreviousSecrets      JWT_PREVIOUS_SECRETS: comma-separated secrets that still verify tokens (each at least 32 bytes)
 * @param jwtPreviousSecretsUntil JWT_PREVIOUS_SECRETS_UNTIL: the instant they stop verifying; empty: JWT_TTL (plus the
 *                                leeway) after the start, when every token signed before the start has expired anyway
 * @param cors                    CORS_ALLOWED_ORIGINS: comma-separated origins; none by default
 * @param hstsMaxAge              HSTS_MAX_AGE: sends Strict-Transport-Security with this max-age; unset: no such header
 */
public record HttpSecurityConfig(
        AuthRateLimits authRateLimits,
        List<byte[]> jwtPreviousSecrets,
        Optional<Instant> jwtPreviousSecretsUntil,
        CorsSettings cors,
        Optional<Duration> hstsMaxAge) {

    public static final int MIN_RATE_LIMIT_KEYS = 1_000;
    public static final int MAX_RATE_LIMIT_KEYS = 10_000_000;

    public HttpSecurityConfig {
        Objects.requireNonNull(authRateLimits, "authRateLimits");
        Objects.requireNonNull(jwtPreviousSecrets, "jwtPreviousSecrets");
        Objects.requireNonNull(jwtPreviousSecretsUntil, "jwtPreviousSecretsUntil");
        Objects.requireNonNull(cors, "cors");
        Objects.requireNonNull(hstsMaxAge, "hstsMaxAge");
        for (byte[] secret : jwtPreviousSecrets) {
            if (secret.length < AppConfig.MIN_SECRET_BYTES) {
                throw new ConfigException("each of JWT_PREVIOUS_SECRETS must be at least " + AppConfig.MIN_SECRET_BYTES
                        + " bytes (HS256 needs a 256-bit key)");
            }
        }
        if (jwtPreviousSecretsUntil.isPresent() && jwtPreviousSecrets.isEmpty()) {
            throw new ConfigException("JWT_PREVIOUS_SECRETS_UNTIL is set but JWT_PREVIOUS_SECRETS is not: which secrets should it apply to?");
        }
        if (hstsMaxAge.isPresent() && hstsMaxAge.get().isNegative()) {
            throw new ConfigException("HSTS_MAX_AGE must not be negative");
        }
        jwtPreviousSecrets = jwtPreviousSecrets.stream().map(byte[]::clone).toList();
    }

    /** What production gets without any of these variables set. */
    public static HttpSecurityConfig defaults() {
        return new HttpSecurityConfig(AuthRateLimits.defaults(), List.of(), Optional.empty(), CorsSettings.none(), Optional.empty());
    }

    /**
     * The defaults without throttling of registration and login: for servers that tests and tools
     * start in-process, which sign in far more often than people do. Production reads
     * {@link #fromEnvironment}, where the limits are on unless set to {@code off}.
     */
    public static HttpSecurityConfig withoutRateLimits() {
        return defaults().withAuthRateLimits(AuthRateLimits.off());
    }

    public static HttpSecurityConfig fromEnvironment(Map<String, String> env) {
        AuthRateLimits defaults = AuthRateLimits.defaults();
        AuthRateLimits limits = new AuthRateLimits(
                rateLimit(env, "AUTH_RATE_LIMIT_PER_ACCOUNT", defaults.perAccount()),
                rateLimit(env, "AUTH_RATE_LIMIT_PER_ADDRESS", defaults.perAddress()),
                maxKeys(env),
                value(env, "TRUSTED_PROXIES").map(HttpSecurityConfig::trustedProxies).orElse(TrustedProxies.none()));
        return new HttpSecurityConfig(
                limits,
                value(env, "JWT_PREVIOUS_SECRETS").map(HttpSecurityConfig::secrets).orElse(List.of()),
                value(env, "JWT_PREVIOUS_SECRETS_UNTIL").map(HttpSecurityConfig::instant),
                value(env, "CORS_ALLOWED_ORIGINS").map(HttpSecurityConfig::cors).orElse(CorsSettings.none()),
                value(env, "HSTS_MAX_AGE").map(raw -> AppConfig.duration("HSTS_MAX_AGE", raw)));
    }

    public HttpSecurityConfig withAuthRateLimits(AuthRateLimits limits) {
        return new HttpSecurityConfig(limits, jwtPreviousSecrets, jwtPreviousSecretsUntil, cors, hstsMaxAge);
    }

    @Override
    public List<byte[]> jwtPreviousSecrets() {
        return jwtPreviousSecrets.stream().map(byte[]::clone).toList();
    }

    /** When the previous secrets stop verifying, for a server started at {@code start}. */
    public Instant previousSecretsDeadline(Instant start, Duration jwtTtl, Duration leeway) {
        return jwtPreviousSecretsUntil.orElseGet(() -> start.plus(jwtTtl).plus(leeway));
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof HttpSecurityConfig that) || jwtPreviousSecrets.size() != that.jwtPreviousSecrets.size()) {
            return false;
        }
        for (int i = 0; i < jwtPreviousSecrets.size(); i++) {
            if (!java.util.Arrays.equals(jwtPreviousSecrets.get(i), that.jwtPreviousSecrets.get(i))) {
                return false;
            }
        }
        return authRateLimits.equals(that.authRateLimits) && jwtPreviousSecretsUntil.equals(that.jwtPreviousSecretsUntil)
                && cors.equals(that.cors) && hstsMaxAge.equals(that.hstsMaxAge);
    }

    @Override
    public int hashCode() {
        return Objects.hash(authRateLimits, jwtPreviousSecrets.size(), jwtPreviousSecretsUntil, cors, hstsMaxAge);
    }

    @Override
    public String toString() {
        return "HttpSecurityConfig[authRateLimits=" + authRateLimits + ", jwtPreviousSecrets=" + jwtPreviousSecrets.size() + " (***)"
                + jwtPreviousSecretsUntil.map(until -> " until " + until).orElse("") + ", corsAllowedOrigins=" + cors.allowedOrigins()
                + ", hstsMaxAge=" + hstsMaxAge.map(Duration::toSeconds).map(s -> s + "s").orElse("off") + "]";
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** {@code 10/min}, {@code 3/10s}...; {@code off} turns the limit off. */
    private static Optional<RateLimit> rateLimit(Map<String, String> env, String name, Optional<RateLimit> fallback) {
        Optional<String> raw = value(env, name);
        if (raw.isEmpty()) {
            return fallback;
        }
        if (raw.get().toLowerCase(Locale.ROOT).equals("off")) {
            return Optional.empty();
        }
        try {
            return Optional.of(RateLimit.parse(raw.get()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name + ": " + e.getMessage() + " (or off)");
        }
    }

    private static int maxKeys(Map<String, String> env) {
        return value(env, "AUTH_RATE_LIMIT_MAX_KEYS").map(raw -> {
            int keys;
            try {
                keys = Integer.parseInt(raw);
            } catch (NumberFormatException e) {
                throw new ConfigException("AUTH_RATE_LIMIT_MAX_KEYS must be a whole number");
            }
            if (keys < MIN_RATE_LIMIT_KEYS || keys > MAX_RATE_LIMIT_KEYS) {
                throw new ConfigException("AUTH_RATE_LIMIT_MAX_KEYS must be between " + MIN_RATE_LIMIT_KEYS + " and " + MAX_RATE_LIMIT_KEYS);
            }
            return keys;
        }).orElse(AuthRateLimits.DEFAULT_MAX_TRACKED_KEYS);
    }

    private static TrustedProxies trustedProxies(String raw) {
        try {
            return TrustedProxies.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("TRUSTED_PROXIES: " + e.getMessage());
        }
    }

    private static CorsSettings cors(String raw) {
        try {
            return CorsSettings.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("CORS_ALLOWED_ORIGINS: " + e.getMessage());
        }
    }

    /** Comma-separated, each as its UTF-8 bytes (like JWT_SECRET). Base64 secrets contain no comma. */
    private static List<byte[]> secrets(String raw) {
        List<byte[]> secrets = new ArrayList<>();
        for (String secret : raw.split(",")) {
            if (!secret.isBlank()) {
                secrets.add(secret.strip().getBytes(StandardCharsets.UTF_8));
            }
        }
        return secrets;
    }

    /** {@code 2026-12-01T00:00:00Z} or with an offset, {@code 2026-12-01T01:00:00+01:00}. */
    private static Instant instant(String raw) {
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException notUtc) {
            try {
                return OffsetDateTime.parse(raw).toInstant();
            } catch (DateTimeParseException e) {
                throw new ConfigException("JWT_PREVIOUS_SECRETS_UNTIL must be an ISO-8601 instant, like 2026-12-01T00:00:00Z");
            }
        }
    }
}
