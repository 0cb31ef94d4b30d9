package dev.taskline.bootstrap;

import dev.taskline.http.javalin.AuthRateLimits;
import dev.taskline.http.javalin.headers.CorsSettings;
import dev.taskline.http.javalin.security.RateLimit;
import dev.taskline.http.javalin.security.TrustedProxies;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppConfigTest {

    private static final String SECRET_A = "a previous secret that is 32+ bytes long";
    private static final String SECRET_B = "another previous secret that is also 32+ bytes";

    // --- HTTP defences: rate limits, trusted proxies, JWT rotation, CORS, HSTS -----------------------

    @Test
    void withoutAnyVariable_theHttpDefencesAreTheDefaults() {
        HttpSecurityConfig security = AppConfig.fromEnvironment(Map.of()).httpSecurity();

        assertThat(security).isEqualTo(HttpSecurityConfig.defaults());
        assertThat(security.authRateLimits().perAccount()).contains(RateLimit.perMinute(10));
        assertThat(security.authRateLimits().perAddress()).contains(RateLimit.perMinute(30));
        assertThat(security.authRateLimits().maxTrackedKeys()).isEqualTo(50_000);
        assertThat(security.authRateLimits().trustedProxies().isEmpty()).as("X-Forwarded-For is never believed by default").isTrue();
        assertThat(security.jwtPreviousSecrets()).isEmpty();
        assertThat(security.cors().isEmpty()).as("no CORS origin by default").isTrue();
        assertThat(security.hstsMaxAge()).isEmpty();
    }

    @Test
    void everyHttpDefence_isReadFromItsVariable() {
        HttpSecurityConfig security = AppConfig.fromEnvironment(Map.of(
                "AUTH_RATE_LIMIT_PER_ACCOUNT", "5/min",
                "AUTH_RATE_LIMIT_PER_ADDRESS", "100/10m",
                "AUTH_RATE_LIMIT_MAX_KEYS", "2000",
                "TRUSTED_PROXIES", "10.0.0.0/8, ::1",
                "JWT_PREVIOUS_SECRETS", SECRET_A + " , " + SECRET_B,
                "JWT_PREVIOUS_SECRETS_UNTIL", "2026-12-01T00:00:00Z",
                "CORS_ALLOWED_ORIGINS", "https://app.example.com, http://localhost:5173",
                "HSTS_MAX_AGE", "365d")).httpSecurity();

        assertThat(security.authRateLimits()).isEqualTo(new AuthRateLimits(Optional.of(RateLimit.perMinute(5)),
                Optional.of(new RateLimit(100, Duration.ofMinutes(10))), 2_000, TrustedProxies.parse("10.0.0.0/8,::1")));
        assertThat(security.jwtPreviousSecrets()).extracting(bytes -> new String(bytes, StandardCharsets.UTF_8))
                .containsExactly(SECRET_A, SECRET_B);
        assertThat(security.jwtPreviousSecretsUntil()).contains(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(security.cors()).isEqualTo(CorsSettings.parse("https://app.example.com,http://localhost:5173"));
        assertThat(security.hstsMaxAge()).contains(Duration.ofDays(365));
    }

    @Test
    void rateLimits_canBeTurnedOff() {
        AuthRateLimits limits = AppConfig.fromEnvironment(Map.of("AUTH_RATE_LIMIT_PER_ACCOUNT", "off", "AUTH_RATE_LIMIT_PER_ADDRESS", "OFF"))
                .httpSecurity().authRateLimits();

        assertThat(limits.perAccount()).isEmpty();
        assertThat(limits.perAddress()).isEmpty();
    }

    @Test
    void previousSecretsUntil_acceptsAnOffset() {
        assertThat(AppConfig.fromEnvironment(Map.of("JWT_PREVIOUS_SECRETS", SECRET_A, "JWT_PREVIOUS_SECRETS_UNTIL",
                "2026-12-01T01:00:00+01:00")).httpSecurity().jwtPreviousSecretsUntil()).contains(Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void badHttpDefences_areRefused_namingTheVariable() {
        Map<Map<String, String>, String> refused = Map.ofEntries(
                Map.entry(Map.of("AUTH_RATE_LIMIT_PER_ACCOUNT", "10"), "AUTH_RATE_LIMIT_PER_ACCOUNT"),
                Map.entry(Map.of("AUTH_RATE_LIMIT_PER_ADDRESS", "0/min"), "AUTH_RATE_LIMIT_PER_ADDRESS"),
                Map.entry(Map.of("AUTH_RATE_LIMIT_PER_ADDRESS", "30/fortnight"), "AUTH_RATE_LIMIT_PER_ADDRESS"),
                Map.entry(Map.of("AUTH_RATE_LIMIT_MAX_KEYS", "10"), "AUTH_RATE_LIMIT_MAX_KEYS"),
                Map.entry(Map.of("AUTH_RATE_LIMIT_MAX_KEYS", "many"), "AUTH_RATE_LIMIT_MAX_KEYS"),
                Map.entry(Map.of("TRUSTED_PROXIES", "proxy.internal"), "TRUSTED_PROXIES"),
                Map.entry(Map.of("TRUSTED_PROXIES", "10.0.0.0/40"), "TRUSTED_PROXIES"),
                Map.entry(Map.of("JWT_PREVIOUS_SECRETS", SECRET_A + ",too short"), "JWT_PREVIOUS_SECRETS"),
                Map.entry(Map.of("JWT_PREVIOUS_SECRETS_UNTIL", "2026-12-01T00:00:00Z"), "JWT_PREVIOUS_SECRETS_UNTIL"),
                Map.entry(Map.of("JWT_PREVIOUS_SECRETS", SECRET_A, "JWT_PREVIOUS_SECRETS_UNTIL", "next tuesday"), "JWT_PREVIOUS_SECRETS_UNTIL"),
                Map.entry(Map.of("CORS_ALLOWED_ORIGINS", "*"), "CORS_ALLOWED_ORIGINS"),
                Map.entry(Map.of("CORS_ALLOWED_ORIGINS", "https://app.example.com/path"), "CORS_ALLOWED_ORIGINS"),
                Map.entry(Map.of("HSTS_MAX_AGE", "a year"), "HSTS_MAX_AGE"),
                Map.entry(Map.of("HSTS_MAX_AGE", "-PT1S"), "HSTS_MAX_AGE"));

        refused.forEach((env, variable) -> assertThatThrownBy(() -> AppConfig.fromEnvironment(env)).as(env.toString())
                .isInstanceOf(ConfigException.class).hasMessageContaining(variable));
    }

    @Test
    void previousSecrets_neverAppearInToString() {
        AppConfig config = AppConfig.fromEnvironment(Map.of("JWT_PREVIOUS_SECRETS", SECRET_A + "," + SECRET_B));

        assertThat(config.toString()).doesNotContain(SECRET_A).doesNotContain(SECRET_B).contains("jwtPreviousSecrets=2 (***)");
    }

    @Test
    void serversStartedInProcess_withTheShortConstructor_haveTheDefencesButNoSignInThrottling() {
        AppConfig config = new AppConfig(0, Optional.empty(), 4, false, Optional.empty(), Duration.ofHours(1), 10, Path.of("data"), false);

        assertThat(config.httpSecurity().authRateLimits()).isEqualTo(AuthRateLimits.off());
        assertThat(config.httpSecurity().withAuthRateLimits(AuthRateLimits.defaults())).isEqualTo(HttpSecurityConfig.defaults());
        assertThat(config.withHttpSecurity(HttpSecurityConfig.defaults()).withPort(8081).httpSecurity()).isEqualTo(HttpSecurityConfig.defaults());
    }

    @Test
    void previousSecretsDeadline_isTheConfiguredInstant_orTheTokenLifetimeAfterTheStart() {
        Instant start = Instant.parse("2026-11-22T10:00:00Z");
        HttpSecurityConfig byDefault = AppConfig.fromEnvironment(Map.of("JWT_PREVIOUS_SECRETS", SECRET_A)).httpSecurity();
        HttpSecurityConfig explicit = AppConfig.fromEnvironment(Map.of("JWT_PREVIOUS_SECRETS", SECRET_A,
                "JWT_PREVIOUS_SECRETS_UNTIL", "2026-11-23T00:00:00Z")).httpSecurity();

        assertThat(byDefault.previousSecretsDeadline(start, Duration.ofHours(1), Duration.ofSeconds(30)))
                .isEqualTo(Instant.parse("2026-11-22T11:00:30Z"));
        assertThat(explicit.previousSecretsDeadline(start, Duration.ofHours(1), Duration.ofSeconds(30)))
                .isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
    }

    @Test
    void theHttpAdapter_getsTheDefences() {
        Instant start = Instant.parse("2026-11-22T10:00:00Z");
        AppConfig config = AppConfig.fromEnvironment(Map.of(
                "JWT_TTL", "2h",
                "JWT_PREVIOUS_SECRETS", SECRET_A,
                "AUTH_RATE_LIMIT_PER_ACCOUNT", "3/min",
                "CORS_ALLOWED_ORIGINS", "https://app.example.com",
                "HSTS_MAX_AGE", "600"));
        byte[] secret = "the current secret, at least 32 bytes".getBytes(StandardCharsets.UTF_8);

        var settings = Wiring.httpSettings(config, secret, start);

        assertThat(settings.jwt().secret()).isEqualTo(secret);
        assertThat(settings.jwt().previousSecrets()).extracting(bytes -> new String(bytes, StandardCharsets.UTF_8)).containsExactly(SECRET_A);
        assertThat(settings.jwt().previousSecretsUntil()).isEqualTo(Instant.parse("2026-11-22T12:00:30Z"));
        assertThat(settings.authRateLimits().perAccount()).contains(RateLimit.perMinute(3));
        assertThat(settings.authRateLimits().perAddress()).contains(RateLimit.perMinute(30));
        assertThat(settings.cors().allows("https://app.example.com")).isTrue();
        assertThat(settings.hstsMaxAge()).contains(Duration.ofMinutes(10));

        var plain = Wiring.httpSettings(AppConfig.fromEnvironment(Map.of()), secret, start);
        assertThat(plain.jwt().previousSecrets()).isEmpty();
        assertThat(plain.cors().isEmpty()).isTrue();
        assertThat(plain.hstsMaxAge()).isEmpty();
        assertThat(plain.authRateLimits()).isEqualTo(AuthRateLimits.defaults());
    }
}
