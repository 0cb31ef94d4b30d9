package dev.taskline.http.javalin;

import dev.taskline.http.javalin.TestHttp.Response;
import dev.taskline.http.javalin.security.InvalidTokenException;
import dev.taskline.http.javalin.security.JwtTokens;
import dev.taskline.http.javalin.security.MutableClock;
import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * JWT secret rotation over HTTP: the server signs with its new secret; tokens signed with the
 * previous one keep working until the configured instant and are refused from then on; a secret
 * the server never had is refused throughout.
 */
class JwtRotationTest {

    private static final byte[] OLD = "the secret before the rotation, 32+ bytes".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NEW = "the secret after the rotation, 32+ bytes!".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] UNKNOWN = "a secret this server never had, 32+ bytes".getBytes(StandardCharsets.US_ASCII);
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant OLD_SECRET_UNTIL = T0.plus(Duration.ofMinutes(30));

    private static final MutableClock clock = new MutableClock(T0);
    private static Javalin app;
    private static TestHttp http;

    @BeforeAll
    static void start() {
        JwtSettings rotated = JwtSettings.of(NEW).withPreviousSecrets(List.of(OLD), OLD_SECRET_UNTIL);
        app = HttpApi.create(HttpSettings.defaults(rotated).withAuthRateLimits(AuthRateLimits.off()), FakeUseCases.create(), () -> true,
                clock).start(0);
        http = new TestHttp(app);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @BeforeEach
    void rewind() {
        clock.set(T0);
    }

    @Test
    void previousSecret_verifiesUntilTheDeadline_thenIsRefused_unknownSecretNever() throws Exception {
        String oldToken = new JwtTokens(JwtSettings.of(OLD), clock).issue(FakeUseCases.ALICE_ID).value();
        String newToken = new JwtTokens(JwtSettings.of(NEW), clock).issue(FakeUseCases.ALICE_ID).value();
        String unknownToken = new JwtTokens(JwtSettings.of(UNKNOWN), clock).issue(FakeUseCases.ALICE_ID).value();

        assertThat(me(oldToken).status()).as("old secret, within the window").isEqualTo(200);
        assertThat(me(newToken).status()).isEqualTo(200);
        assertRefused(me(unknownToken));

        clock.advance(Duration.ofMinutes(29).plusSeconds(59));
        assertThat(me(oldToken).status()).as("old secret, one second before the deadline").isEqualTo(200);

        clock.advance(Duration.ofSeconds(1));
        assertRefused(me(oldToken)); // still far from its own expiry (T0 + 1 h): refused for the secret alone
        assertThat(me(newToken).status()).isEqualTo(200);
        assertRefused(me(unknownToken));
    }

    @Test
    void newTokens_areSignedWithTheNewSecret() throws Exception {
        Response login = http.login("alice@example.com", FakeUseCases.ALICE_PASSWORD);
        assertThat(login.status()).isEqualTo(200);
        String token = login.json().get("access_token").textValue();

        assertThat(new JwtTokens(JwtSettings.of(NEW), clock).verify(token)).isEqualTo(FakeUseCases.ALICE_ID);
        assertThatThrownBy(() -> new JwtTokens(JwtSettings.of(OLD), clock).verify(token)).isInstanceOf(InvalidTokenException.class);
    }

    private static Response me(String token) throws Exception {
        return http.get("/api/v1/me", "Authorization", "Bearer " + token);
    }

    private static void assertRefused(Response response) throws Exception {
        response.assertProblem(401, "unauthenticated");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
    }
}
