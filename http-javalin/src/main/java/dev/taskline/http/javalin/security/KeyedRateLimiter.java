package dev.taskline.http.javalin.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * One token bucket (Bucket4j) per key — an account or a client address — in bounded memory.
 *
 * <p>Each bucket holds {@code rate.requests()} tokens and refills them evenly over
 * {@code rate.period()} ("greedy" refill). A request takes one token; without one it is refused,
 * and told how many seconds until the next token.
 *
 * <p>Memory stays bounded two ways. A bucket left alone for a whole period is full again, exactly
 * like a new one, so it is forgotten; the map is kept in access order, which makes the idle
 * entries its eldest and the sweep cheap. And at most {@code maxKeys} buckets are kept: beyond
 * that, the least recently used one is dropped (its key starts again with a full bucket). With
 * the per-address limit in front, filling the table within one period takes thousands of
 * addresses, not one client.
 */
public final class KeyedRateLimiter {

    /** The answer for one request: allowed, or refused with how long to wait. */
    public record Verdict(boolean allowed, long retryAfterSeconds) {

        static final Verdict ALLOWED = new Verdict(true, 0);
    }

    private final RateLimit rate;
    private final int maxKeys;
    private final LongSupplier nanoTime;
    private final TimeMeter timeMeter;
    private final long idleNanos;
    private final LinkedHashMap<String, Tracked> buckets;

    /** With the JVM's monotonic clock. */
    public KeyedRateLimiter(RateLimit rate, int maxKeys) {
        this(rate, maxKeys, System::nanoTime);
    }

    /** With a clock of its own (nanoseconds, monotonic), for tests. */
    public KeyedRateLimiter(RateLimit rate, int maxKeys, LongSupplier nanoTime) {
        this.rate = Objects.requireNonNull(rate, "rate");
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be positive: " + maxKeys);
        }
        this.maxKeys = maxKeys;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.timeMeter = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanoTime.getAsLong();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
        this.idleNanos = rate.period().toNanos();
        this.buckets = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Tracked> eldest) {
                return size() > KeyedRateLimiter.this.maxKeys;
            }
        };
    }

    /** Takes a token from {@code key}'s bucket, if it has one. */
    public Verdict tryAcquire(String key) {
        Objects.requireNonNull(key, "key");
        ConsumptionProbe probe;
        synchronized (buckets) {
            long now = nanoTime.getAsLong();
            forgetIdle(now);
            Tracked entry = buckets.computeIfAbsent(key, unused -> new Tracked(newBucket()));
            entry.lastUsed = now;
            probe = entry.bucket.tryConsumeAndReturnRemaining(1);
        }
        if (probe.isConsumed()) {
            return Verdict.ALLOWED;
        }
        return new Verdict(false, retryAfterSeconds(probe.getNanosToWaitForRefill()));
    }

    /** How many keys are tracked now (after forgetting the idle ones). */
    public int trackedKeys() {
        synchronized (buckets) {
            forgetIdle(nanoTime.getAsLong());
            return buckets.size();
        }
    }

    public RateLimit rate() {
        return rate;
    }

    public int maxKeys() {
        return maxKeys;
    }

    private void forgetIdle(long now) {
        var eldest = buckets.values().iterator();
        while (eldest.hasNext()) {
            if (now - eldest.next().lastUsed < idleNanos) {
                return; // access order: everything after this one was used later
            }
            eldest.remove();
        }
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(rate.requests()).refillGreedy(rate.requests(), rate.period()))
                .withCustomTimePrecision(timeMeter)
                .build();
    }

    /** Whole seconds, rounded up, at least 1: {@code Retry-After} has no fractions. */
    static long retryAfterSeconds(long nanos) {
        long seconds = (nanos + 999_999_999L) / 1_000_000_000L;
        return Math.max(1, seconds);
    }

    private static final class Tracked {
        final Bucket bucket;
        long lastUsed;

        Tracked(Bucket bucket) {
            this.bucket = bucket;
        }
    }
}
