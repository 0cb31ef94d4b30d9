package dev.taskline.http.javalin.security;

import dev.taskline.http.javalin.security.KeyedRateLimiter.Verdict;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyedRateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);
    private final KeyedRateLimiter limiter = new KeyedRateLimiter(RateLimit.perMinute(10), 100, nanos::get);

    @Test
    void aFullBucket_allowsItsCapacity_thenRefuses_sayingWhenTheNextTokenComes() {
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire("a").allowed()).as("attempt " + (i + 1)).isTrue();
        }
        Verdict refused = limiter.tryAcquire("a");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(6);
    }

    @Test
    void tokensComeBackEvenly_oneEvery6SecondsAt10PerMinute() {
        drain("a");
        advance(Duration.ofMillis(5_999));
        Verdict almost = limiter.tryAcquire("a");
        assertThat(almost.allowed()).isFalse();
        assertThat(almost.retryAfterSeconds()).as("rounded up, never 0").isEqualTo(1);

        advance(Duration.ofMillis(1));
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();

        advance(Duration.ofMinutes(1));
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        }
        assertThat(limiter.tryAcquire("a").allowed()).as("never more than the capacity, however long the wait").isFalse();
    }

    @Test
    void keysHaveBucketsOfTheirOwn() {
        drain("a");

        assertThat(limiter.tryAcquire("b").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();
    }

    @Test
    void bucketsIdleForAWholePeriod_areForgotten() {
        limiter.tryAcquire("a");
        advance(Duration.ofSeconds(30));
        limiter.tryAcquire("b");
        assertThat(limiter.trackedKeys()).isEqualTo(2);

        advance(Duration.ofSeconds(30));
        assertThat(limiter.trackedKeys()).as("a was idle for a minute: full again, so forgotten").isEqualTo(1);

        advance(Duration.ofSeconds(30));
        assertThat(limiter.trackedKeys()).isZero();
    }

    @Test
    void forgettingAnIdleBucket_changesNothing_itWouldHaveBeenFullAgain() {
        drain("a");
        advance(Duration.ofMinutes(1));
        assertThat(limiter.trackedKeys()).isZero();

        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        }
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();
    }

    @Test
    void atMostMaxKeysAreTracked_theLeastRecentlyUsedGoesFirst() {
        KeyedRateLimiter small = new KeyedRateLimiter(RateLimit.perMinute(1), 3, nanos::get);
        small.tryAcquire("a");
        small.tryAcquire("b");
        small.tryAcquire("c");
        assertThat(small.tryAcquire("a").allowed()).as("a is now the most recently used").isFalse();

        small.tryAcquire("d"); // evicts b, the least recently used

        assertThat(small.trackedKeys()).isEqualTo(3);
        assertThat(small.tryAcquire("a").allowed()).as("a kept its empty bucket").isFalse();
        assertThat(small.tryAcquire("c").allowed()).as("c kept its empty bucket").isFalse();
        assertThat(small.tryAcquire("b").allowed()).as("b was dropped and starts again").isTrue();
    }

    @Test
    void aMillionKeys_stayWithinTheCap() {
        KeyedRateLimiter capped = new KeyedRateLimiter(RateLimit.perMinute(10), 1_000, nanos::get);
        for (int i = 0; i < 1_000_000; i++) {
            capped.tryAcquire("key" + i);
        }
        assertThat(capped.trackedKeys()).isEqualTo(1_000);
    }

    @Test
    void retryAfter_isWholeSecondsRoundedUp_atLeastOne() {
        assertThat(KeyedRateLimiter.retryAfterSeconds(0)).isEqualTo(1);
        assertThat(KeyedRateLimiter.retryAfterSeconds(1)).isEqualTo(1);
        assertThat(KeyedRateLimiter.retryAfterSeconds(1_000_000_000L)).isEqualTo(1);
        assertThat(KeyedRateLimiter.retryAfterSeconds(1_000_000_001L)).isEqualTo(2);
    }

    private void drain(String key) {
        while (limiter.tryAcquire(key).allowed()) {
            // take every token
        }
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
