package dev.taskline.http.javalin;

import dev.taskline.domain.error.Unauthenticated;
import dev.taskline.domain.model.user.Password;
import dev.taskline.domain.model.user.PasswordHash;
import dev.taskline.domain.port.in.AuthenticateCommand;
import dev.taskline.domain.port.in.RegisterUserCommand;
import dev.taskline.domain.port.out.PasswordHasher;
import dev.taskline.domain.service.AccountService;
import dev.taskline.http.javalin.TestHttp.Response;
import dev.taskline.http.javalin.security.BcryptPasswordHasher;
import io.javalin.Javalin;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * bcrypt under attack, with the real {@link AccountService} and {@link BcryptPasswordHasher}
 * (cost 10) behind the HTTP API: a login for an unknown email costs what a wrong password costs,
 * and a flood of logins holds one hashing thread, answers its excess 429 at once, and leaves the
 * other requests fast.
 */
class PasswordWorkTest {

    private static final byte[] SECRET = "a password-work test secret, 32+ bytes".getBytes(StandardCharsets.US_ASCII);
    private static final String EMAIL = "alice@example.com";
    private static final String PASSWORD = "correct horse battery";

    private final InMemoryUsers users = new InMemoryUsers();
    private final ConcurrencyCountingHasher hasher = new ConcurrencyCountingHasher(new BcryptPasswordHasher(BcryptPasswordHasher.DEFAULT_COST));
    private final AccountService accounts = new AccountService(users, hasher, users);
    private Javalin app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    /**
     * Over HTTP, wall-clock: the medians of 20 interleaved attempts each within 25%. Wall-clock
     * time on a shared machine is noisy, so a round that misses is measured again (3 rounds at
     * most): a real leak — no dummy verification makes an unknown email answer in about a
     * millisecond against a few hundred — misses every round.
     */
    @Test
    void unknownEmail_takesAsLongAsAWrongPassword_overHttp_medianWithin25Percent() throws Exception {
        TestHttp http = start(PasswordWorkLimits.defaults());
        for (int i = 0; i < 3; i++) { // warm-up: JIT, connections
            http.login("nobody@example.com", PASSWORD);
            http.login(EMAIL, "a wrong password");
        }
        int attempts = 20;
        double gap = Double.MAX_VALUE;
        for (int round = 1; round <= 3 && gap > 0.25; round++) {
            List<Double> unknown = new ArrayList<>();
            List<Double> wrong = new ArrayList<>();
            for (int i = 0; i < attempts; i++) { // interleaved, so that any drift of the machine hits both alike
                Response u = http.login("nobody" + i + "@example.com", PASSWORD);
                Response w = http.login(EMAIL, "a wrong password " + i);
                assertThat(u.status()).isEqualTo(401);
                assertThat(w.status()).isEqualTo(401);
                assertThat(w.body()).isEqualTo(u.body());
                unknown.add(u.millis());
                wrong.add(w.millis());
            }
            double unknownMedian = median(unknown);
            double wrongMedian = median(wrong);
            gap = Math.abs(unknownMedian - wrongMedian) / Math.max(unknownMedian, wrongMedian);
            System.out.printf(Locale.ROOT, "RELIABILITY login-timing-http: round=%d, attempts-each=%d, unknown-email-median-ms=%.1f, "
                    + "wrong-password-median-ms=%.1f, apart-percent=%.0f%n", round, attempts, unknownMedian, wrongMedian, gap * 100);
            assertThat(wrongMedian).as("bcrypt really ran for the wrong password").isGreaterThan(10.0);
            assertThat(unknownMedian).as("and for the unknown email").isGreaterThan(10.0);
        }
        assertThat(gap).isLessThanOrEqualTo(0.25);
    }

    /** In the service, CPU time of the calling thread: what the work costs, whatever else the machine does. */
    @Test
    void unknownEmail_costsTheCpuOfAWrongPassword_inTheService_medianWithin25Percent() {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        assertThat(cpu.isCurrentThreadCpuTimeSupported()).as("this JVM measures thread CPU time").isTrue();
        accounts.register(RegisterUserCommand.of(EMAIL, PASSWORD, null));
        AuthenticateCommand unknown = AuthenticateCommand.of("nobody@example.com", PASSWORD);
        AuthenticateCommand wrong = AuthenticateCommand.of(EMAIL, "a wrong password");
        for (int i = 0; i < 3; i++) {
            cpuMillis(cpu, unknown);
            cpuMillis(cpu, wrong);
        }
        int attempts = 20;
        List<Double> unknownCpu = new ArrayList<>();
        List<Double> wrongCpu = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            unknownCpu.add(cpuMillis(cpu, unknown));
            wrongCpu.add(cpuMillis(cpu, wrong));
        }
        double unknownMedian = median(unknownCpu);
        double wrongMedian = median(wrongCpu);
        double gap = Math.abs(unknownMedian - wrongMedian) / Math.max(unknownMedian, wrongMedian);
        System.out.printf(Locale.ROOT, "RELIABILITY login-timing-cpu: attempts-each=%d, unknown-email-median-ms=%.1f, "
                + "wrong-password-median-ms=%.1f, apart-percent=%.0f%n", attempts, unknownMedian, wrongMedian, gap * 100);

        assertThat(wrongMedian).isGreaterThan(5.0);
        assertThat(unknownMedian).isGreaterThan(5.0);
        assertThat(gap).isLessThanOrEqualTo(0.25);
    }

    private double cpuMillis(ThreadMXBean cpu, AuthenticateCommand command) {
        long before = cpu.getCurrentThreadCpuTime();
        assertThatThrownBy(() -> accounts.authenticate(command)).isInstanceOf(Unauthenticated.class);
        return (cpu.getCurrentThreadCpuTime() - before) / 1_000_000.0;
    }

    @Test
    void loginFlood_hashesOneAtATime_answersTheExcess429AtOnce_andOtherRequestsStayFast() throws Exception {
        TestHttp http = start(new PasswordWorkLimits(1, 4, Duration.ofSeconds(10)));
        int flood = 40;
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        // Open the client's connections first: this measures the server, not TCP's accept backlog
        // (50 by default in Java, beyond which the kernel drops SYNs and clients retry after 1 s).
        List<Future<Response>> warmUp = new ArrayList<>();
        for (int i = 0; i <= flood; i++) {
            warmUp.add(threads.submit(() -> http.get("/health")));
        }
        for (Future<Response> response : warmUp) {
            assertThat(response.get().status()).isEqualTo(200);
        }
        AtomicBoolean flooding = new AtomicBoolean(true);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Response>> logins = new ArrayList<>();
            for (int i = 0; i < flood; i++) {
                String email = i % 2 == 0 ? EMAIL : "nobody" + i + "@example.com";
                logins.add(threads.submit(() -> {
                    go.await();
                    return http.login(email, "a wrong password");
                }));
            }
            ConcurrentLinkedQueue<Double> others = new ConcurrentLinkedQueue<>();
            AtomicInteger otherFailures = new AtomicInteger();
            Future<?> prober = threads.submit(() -> {
                go.await();
                while (flooding.get()) {
                    Response health = http.get("/health");
                    if (health.status() != 200) {
                        otherFailures.incrementAndGet();
                    }
                    others.add(health.millis());
                    Thread.sleep(10);
                }
                return null;
            });
            go.countDown();

            int unauthorized = 0;
            List<Double> refusedMillis = new ArrayList<>();
            for (Future<Response> login : logins) {
                Response response = login.get();
                if (response.status() == 429) {
                    response.assertProblem(429, "too-many-requests");
                    assertThat(response.header("Retry-After")).isEqualTo("1");
                    refusedMillis.add(response.millis());
                } else {
                    assertThat(response.status()).as(response.body()).isEqualTo(401);
                    unauthorized++;
                }
            }
            flooding.set(false);
            prober.get();

            List<Double> probes = new ArrayList<>(others);
            System.out.printf(Locale.ROOT, "RELIABILITY login-flood: logins=%d, checked-401=%d, refused-429=%d, refused-median-ms=%.1f, "
                            + "refused-max-ms=%.1f, max-concurrent-bcrypt=%d, probes=%d, probe-median-ms=%.1f, probe-max-ms=%.1f%n",
                    flood, unauthorized, refusedMillis.size(), median(refusedMillis), Collections.max(refusedMillis),
                    hasher.maxConcurrent(), probes.size(), median(probes), Collections.max(probes));

            assertThat(hasher.maxConcurrent()).as("bcrypt never ran twice at once").isEqualTo(1);
            assertThat(unauthorized).as("the admitted logins were checked").isGreaterThanOrEqualTo(5);
            assertThat(refusedMillis.size()).as("the excess was refused").isGreaterThanOrEqualTo(flood / 2);
            assertThat(Collections.max(refusedMillis)).as("refused at once, not after the 10 s wait").isLessThan(2_000.0);
            assertThat(otherFailures.get()).isZero();
            assertThat(probes).hasSizeGreaterThanOrEqualTo(3);
            assertThat(median(probes)).as("other requests stay fast").isLessThan(100.0);
        } finally {
            flooding.set(false);
            threads.shutdownNow();
        }
    }

    private TestHttp start(PasswordWorkLimits limits) {
        accounts.register(RegisterUserCommand.of(EMAIL, PASSWORD, null));
        HttpSettings settings = HttpSettings.defaults(JwtSettings.of(SECRET)).withAuthRateLimits(AuthRateLimits.off())
                .withPasswordWork(limits);
        app = HttpApi.create(settings, FakeUseCases.withAccounts(accounts, accounts, accounts), () -> true).start(0);
        return new TestHttp(app);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** Counts how many hash or verify calls run at once. */
    private static final class ConcurrencyCountingHasher implements PasswordHasher {
        private final PasswordHasher delegate;
        private final AtomicInteger running = new AtomicInteger();
        private final AtomicInteger max = new AtomicInteger();

        ConcurrencyCountingHasher(PasswordHasher delegate) {
            this.delegate = delegate;
        }

        @Override
        public PasswordHash hash(Password password) {
            enter();
            try {
                return delegate.hash(password);
            } finally {
                running.decrementAndGet();
            }
        }

        @Override
        public boolean matches(Password attempt, PasswordHash hash) {
            enter();
            try {
                return delegate.matches(attempt, hash);
            } finally {
                running.decrementAndGet();
            }
        }

        private void enter() {
            int now = running.incrementAndGet();
            max.accumulateAndGet(now, Math::max);
        }

        int maxConcurrent() {
            return max.get();
        }
    }
}
