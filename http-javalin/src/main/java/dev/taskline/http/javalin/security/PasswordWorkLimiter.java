package dev.taskline.http.javalin.security;

import dev.taskline.http.javalin.problem.Problems;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Bounds how many requests hash passwords at once (registration, login, password change). bcrypt
 * is pure CPU and a virtual thread running it holds its carrier the whole time: unbounded, a burst
 * of logins would starve every other request.
 *
 * <p>Three bounds: at most {@code permits} hash at once (a fair semaphore); at most
 * {@code maxQueued} more wait for a permit, and a caller beyond those is refused at once (429,
 * {@code Retry-After: 1}) without waiting at all; a caller that did queue but waited
 * {@code maxWait} in vain is refused the same way. So a flood costs the server one hashing carrier
 * thread and a short queue, and the flood's excess gets its answer in microseconds.
 */
public final class PasswordWorkLimiter {

    /** One carrier thread stays free for everything else (when there is more than one). */
    public static final int DEFAULT_PERMITS = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    /** Enough for a legitimate burst (a few dozen sign-ins at once); at bcrypt cost 10 the last waits about 4 s. */
    public static final int DEFAULT_MAX_QUEUED = 64;
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(5);

    private final int permitCount;
    private final int maxQueued;
    private final Semaphore permits;
    private final long maxWaitNanos;
    /** Callers hashing or waiting to: the queue bound is checked against this before anyone waits. */
    private final AtomicInteger admitted = new AtomicInteger();

    public PasswordWorkLimiter(int permits, int maxQueued, Duration maxWait) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be positive: " + permits);
        }
        if (maxQueued < 0) {
            throw new IllegalArgumentException("maxQueued must not be negative: " + maxQueued);
        }
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative: " + maxWait);
        }
        this.permitCount = permits;
        this.maxQueued = maxQueued;
        this.permits = new Semaphore(permits, true);
        this.maxWaitNanos = maxWait.toNanos();
    }

    public PasswordWorkLimiter(int permits, Duration maxWait) {
        this(permits, DEFAULT_MAX_QUEUED, maxWait);
    }

    public static PasswordWorkLimiter defaults() {
        return new PasswordWorkLimiter(DEFAULT_PERMITS, DEFAULT_MAX_QUEUED, DEFAULT_MAX_WAIT);
    }

    public <T> T run(Supplier<T> work) {
        if (admitted.incrementAndGet() > permitCount + maxQueued) {
            admitted.decrementAndGet();
            throw Problems.tooManyRequests("the server is busy checking passwords; retry shortly");
        }
        try {
            boolean acquired;
            try {
                acquired = permits.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                acquired = false;
            }
            if (!acquired) {
                throw Problems.tooManyRequests("too many password checks in progress; retry shortly");
            }
            try {
                return work.get();
            } finally {
                permits.release();
            }
        } finally {
            admitted.decrementAndGet();
        }
    }

    /** Callers waiting for a permit now (an estimate, for monitoring and tests). */
    public int queueLength() {
        return permits.getQueueLength();
    }

    public int permits() {
        return permitCount;
    }

    public int maxQueued() {
        return maxQueued;
    }

    public Duration maxWait() {
        return Duration.ofNanos(maxWaitNanos);
    }
}
