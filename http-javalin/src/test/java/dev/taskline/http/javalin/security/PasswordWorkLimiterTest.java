package dev.taskline.http.javalin.security;

import dev.taskline.http.javalin.problem.ProblemException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordWorkLimiterTest {

    @Test
    void workWithinTheLimit_runs() {
        assertThat(new PasswordWorkLimiter(1, Duration.ofSeconds(1)).run(() -> "done")).isEqualTo("done");
    }

    @Test
    void callerThatWaitsTooLong_getsA429WithRetryAfter() throws Exception {
        var limiter = new PasswordWorkLimiter(1, Duration.ofMillis(50));
        var started = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        Thread holder = Thread.ofVirtual().start(() -> limiter.run(() -> {
            started.countDown();
            await(release);
            return null;
        }));
        started.await();
        try {
            assertThatThrownBy(() -> limiter.run(() -> "never"))
                    .isInstanceOfSatisfying(ProblemException.class, problem -> {
                        assertThat(problem.problem().status()).isEqualTo(429);
                        assertThat(problem.headers()).containsEntry("Retry-After", "1");
                    });
        } finally {
            release.countDown();
            holder.join();
        }
        assertThat(limiter.run(() -> "free again")).isEqualTo("free again");
    }

    @Test
    void callersBeyondTheQueue_areRefusedAtOnce_withoutWaiting() throws Exception {
        var limiter = new PasswordWorkLimiter(1, 2, Duration.ofSeconds(30));
        var release = new CountDownLatch(1);
        var admitted = new CountDownLatch(3);
        List<Thread> holders = new ArrayList<>();
        for (int i = 0; i < 3; i++) { // one hashing, two queued
            holders.add(Thread.ofVirtual().start(() -> {
                admitted.countDown();
                limiter.run(() -> {
                    await(release);
                    return null;
                });
            }));
        }
        admitted.await();
        while (limiter.queueLength() < 2) {
            Thread.sleep(1);
        }
        try {
            long started = System.nanoTime();
            assertThatThrownBy(() -> limiter.run(() -> "never"))
                    .isInstanceOfSatisfying(ProblemException.class, problem -> {
                        assertThat(problem.problem().status()).isEqualTo(429);
                        assertThat(problem.headers()).containsEntry("Retry-After", "1");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("no wait for the 30 s").isLessThan(Duration.ofSeconds(1));
        } finally {
            release.countDown();
            for (Thread holder : holders) {
                holder.join();
            }
        }
        assertThat(limiter.run(() -> "free again")).isEqualTo("free again");
    }

    @Test
    void neverMoreThanThePermits_runAtOnce() throws Exception {
        var limiter = new PasswordWorkLimiter(2, 100, Duration.ofSeconds(30));
        var running = new AtomicInteger();
        var max = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            threads.add(Thread.ofVirtual().start(() -> limiter.run(() -> {
                max.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                return null;
            })));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(max.get()).isEqualTo(2);
    }

    @Test
    void defaults_leaveOneProcessorFree_andBoundTheWait() {
        PasswordWorkLimiter defaults = PasswordWorkLimiter.defaults();

        assertThat(defaults.permits()).isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
        assertThat(defaults.maxQueued()).isEqualTo(64);
        assertThat(defaults.maxWait()).isEqualTo(Duration.ofSeconds(5));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
