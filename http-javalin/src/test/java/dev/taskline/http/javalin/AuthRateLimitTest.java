package dev.taskline.http.javalin;

import dev.taskline.domain.model.user.User;
import dev.taskline.domain.port.in.AuthenticateUseCase;
import dev.taskline.domain.port.in.RegisterUserUseCase;
import dev.taskline.http.javalin.TestHttp.Response;
import dev.taskline.http.javalin.security.RateLimit;
import dev.taskline.http.javalin.security.TrustedProxies;
import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registration and login throttled per account and per client address, over real HTTP: 429
 * problems with {@code Retry-After} once the rate is used up, refused before any password work,
 * recovered once the tokens come back, and {@code X-Forwarded-For} believed only from a trusted proxy.
 */
class AuthRateLimitTest {

    private static final byte[] SECRET = "a rate-limit test secret of 32+ bytes".getBytes(StandardCharsets.US_ASCII);
    private static final Duration HOUR = Duration.ofHours(1);

    private final AtomicInteger passwordChecks = new AtomicInteger();
    private final List<Javalin> apps = new ArrayList<>();

    @AfterEach
    void stop() {
        apps.forEach(Javalin::stop);
    }

    @Test
    void perAccount_the4thAttemptWithin3PerHour_is429_withRetryAfter_beforeAnyPasswordWork() throws Exception {
        TestHttp http = start(limits(Optional.of(new RateLimit(3, HOUR)), Optional.empty(), TrustedProxies.none()));

        for (int i = 0; i < 3; i++) {
            http.login("victim@example.com", "guess " + i).assertProblem(401, "unauthenticated");
        }
        assertThat(passwordChecks.get()).isEqualTo(3);

        Response throttled = http.login("victim@example.com", "guess 4").assertProblem(429, "too-many-requests");
        long retryAfter = Long.parseLong(throttled.header("Retry-After"));
        assertThat(retryAfter).as("one token comes back every 20 minutes").isBetween(1_190L, 1_200L);
        assertThat(throttled.json().get("detail").textValue()).contains("account");

        // The account is the lower-cased email, shared by login and registration; the right password does not help.
        http.login("VICTIM@Example.COM", FakeUseCases.ALICE_PASSWORD).assertProblem(429, "too-many-requests");
        http.register("Victim@Example.com", "a long enough password").assertProblem(429, "too-many-requests");
        assertThat(passwordChecks.get()).as("no password work once throttled").isEqualTo(3);

        // Other accounts are untouched.
        assertThat(http.login("alice@example.com", FakeUseCases.ALICE_PASSWORD).status()).isEqualTo(200);
        assertThat(http.login("bystander@example.com", "whatever it is").status()).isEqualTo(401);
    }

    @Test
    void perAddress_the6thRequestWithin5PerHour_is429_whateverTheAccount_andForgedForwardedForIsIgnored() throws Exception {
        TestHttp http = start(limits(Optional.empty(), Optional.of(new RateLimit(5, HOUR)), TrustedProxies.none()));

        for (int i = 0; i < 5; i++) {
            assertThat(http.login("user" + i + "@example.com", "some password").status()).isEqualTo(401);
        }
        Response throttled = http.login("user5@example.com", "some password").assertProblem(429, "too-many-requests");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(710L, 720L);
        assertThat(throttled.json().get("detail").textValue()).contains("address");

        // No proxy is trusted, so a client cannot pose as another address...
        for (String forged : List.of("203.0.113.9", "198.51.100.1, 203.0.113.10", "2001:db8::1")) {
            http.login("user6@example.com", "some password", "X-Forwarded-For", forged).assertProblem(429, "too-many-requests");
        }
        // ...and the address limit counts everything, registrations and garbage bodies alike, before reading them.
        http.register("new@example.com", "a long enough password").assertProblem(429, "too-many-requests");
        http.postJson("/api/v1/auth/login", "{not json").assertProblem(429, "too-many-requests");
        assertThat(passwordChecks.get()).isEqualTo(5);

        // Routes other than registration and login are not throttled.
        assertThat(http.get("/health").status()).isEqualTo(200);
    }

    @Test
    void behindATrustedProxy_theForwardedClientIsCounted_andWhatTheClientWroteItselfIsNot() throws Exception {
        TestHttp http = start(limits(Optional.empty(), Optional.of(new RateLimit(2, HOUR)), TrustedProxies.parse("127.0.0.1, ::1")));

        // The proxy appends the address it saw; whatever the client put before it is not believed.
        for (String clientWrote : List.of("", "10.9.9.1, ", "192.0.2.77, ")) {
            Response response = http.login("a@example.com", "some password", "X-Forwarded-For", clientWrote + "203.0.113.1");
            if (clientWrote.equals("192.0.2.77, ")) {
                response.assertProblem(429, "too-many-requests");
            } else {
                assertThat(response.status()).isEqualTo(401);
            }
        }
        // Another client behind the same proxy has its own bucket.
        assertThat(http.login("a@example.com", "some password", "X-Forwarded-For", "203.0.113.2").status()).isEqualTo(401);
        // IPv6 clients are counted by /64: two addresses of one subscriber share a bucket.
        assertThat(http.login("a@example.com", "some password", "X-Forwarded-For", "2001:db8:1:2::10").status()).isEqualTo(401);
        assertThat(http.login("a@example.com", "some password", "X-Forwarded-For", "2001:db8:1:2::20").status()).isEqualTo(401);
        http.login("a@example.com", "some password", "X-Forwarded-For", "2001:db8:1:2::30").assertProblem(429, "too-many-requests");
        assertThat(http.login("a@example.com", "some password", "X-Forwarded-For", "2001:db8:1:3::10").status()).isEqualTo(401);
    }

    @Test
    void afterTheRetryAfter_attemptsAreAcceptedAgain_perAccountAndPerAddress() throws Exception {
        TestHttp http = start(limits(Optional.of(new RateLimit(2, Duration.ofSeconds(2))), Optional.of(new RateLimit(4, Duration.ofSeconds(2))),
                TrustedProxies.none()));

        assertThat(http.login("r@example.com", "some password").status()).isEqualTo(401);
        assertThat(http.login("r@example.com", "some password").status()).isEqualTo(401);
        Response account = http.login("r@example.com", "some password").assertProblem(429, "too-many-requests");
        assertThat(account.header("Retry-After")).isEqualTo("1");
        assertThat(http.login("s@example.com", "some password").status()).isEqualTo(401);
        Response address = http.login("t@example.com", "some password").assertProblem(429, "too-many-requests");
        assertThat(address.header("Retry-After")).isEqualTo("1");

        Thread.sleep(1_100); // Retry-After said 1 s: one token per 1 s (account) and per 0.5 s (address) is back

        assertThat(http.login("r@example.com", "some password").status()).isEqualTo(401);
        assertThat(http.login("t@example.com", "some password").status()).isEqualTo(401);
    }

    @Test
    void defaults_are10PerMinutePerAccount_and30PerMinutePerAddress() throws Exception {
        TestHttp http = start(AuthRateLimits.defaults());
        int accepted = 0;
        int throttled = 0;
        for (int i = 0; i < 12; i++) {
            int status = http.login("default@example.com", "some password").status();
            accepted += status == 401 ? 1 : 0;
            throttled += status == 429 ? 1 : 0;
        }
        assertThat(accepted).isEqualTo(10);
        assertThat(throttled).isEqualTo(2);

        for (int i = 0; i < 25; i++) {
            int status = http.login("other" + i + "@example.com", "some password").status();
            accepted += status == 401 ? 1 : 0;
            throttled += status == 429 ? 1 : 0;
        }
        assertThat(accepted).as("30 per address: 12 + 18 more").isEqualTo(28);
        assertThat(throttled).isEqualTo(2 + 7);
        System.out.printf("RELIABILITY auth-rate-limit-defaults: attempts=37, answered=%d, throttled-429=%d%n", accepted, throttled);
    }

    private static AuthRateLimits limits(Optional<RateLimit> perAccount, Optional<RateLimit> perAddress, TrustedProxies proxies) {
        return new AuthRateLimits(perAccount, perAddress, 1_000, proxies);
    }

    private TestHttp start(AuthRateLimits limits) {
        var fake = FakeUseCases.create();
        AuthenticateUseCase counting = command -> {
            passwordChecks.incrementAndGet();
            return fake.authenticate().authenticate(command);
        };
        RegisterUserUseCase countingRegister = command -> {
            passwordChecks.incrementAndGet();
            User user = fake.register().register(command);
            return user;
        };
        HttpSettings settings = HttpSettings.defaults(JwtSettings.of(SECRET)).withAuthRateLimits(limits);
        Javalin app = HttpApi.create(settings, FakeUseCases.withAccounts(countingRegister, counting, fake.getAccount()), () -> true)
                .start(0);
        apps.add(app);
        return new TestHttp(app);
    }
}
