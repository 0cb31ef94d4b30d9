package dev.taskline.http.javalin;

import dev.taskline.http.javalin.security.PasswordWorkLimiter;
import java.time.Duration;
import java.util.Objects;

/**
 * How much password hashing runs at once: {@code permits} hash, {@code maxQueued} more may wait
 * up to {@code maxWait}, anyone beyond is answered 429 at once (see {@link PasswordWorkLimiter}).
 */
public record PasswordWorkLimits(int permits, int maxQueued, Duration maxWait) {

    public PasswordWorkLimits {
        Objects.requireNonNull(maxWait, "maxWait");
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be positive: " + permits);
        }
        if (maxQueued < 0) {
            throw new IllegalArgumentException("maxQueued must not be negative: " + maxQueued);
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative: " + maxWait);
        }
    }

    /** availableProcessors - 1 permits (at least 1), 64 queued, 5 s of waiting. */
    public static PasswordWorkLimits defaults() {
        return new PasswordWorkLimits(PasswordWorkLimiter.DEFAULT_PERMITS, PasswordWorkLimiter.DEFAULT_MAX_QUEUED,
                PasswordWorkLimiter.DEFAULT_MAX_WAIT);
    }

    PasswordWorkLimiter limiter() {
        return new PasswordWorkLimiter(permits, maxQueued, maxWait);
    }
}
