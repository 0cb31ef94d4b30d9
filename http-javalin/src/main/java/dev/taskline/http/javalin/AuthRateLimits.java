package dev.taskline.http.javalin;

import dev.taskline.http.javalin.security.RateLimit;
import dev.taskline.http.javalin.security.TrustedProxies;
import java.util.Objects;
import java.util.Optional;

/**
 * How hard registration and login are throttled: per account (the lower-cased email) and per
 * client address, each off when empty; at most {@code maxTrackedKeys} buckets per kind; the
 * proxies whose {@code X-Forwarded-For} is believed when telling client addresses apart.
 */
public record AuthRateLimits(
        Optional<RateLimit> perAccount,
        Optional<RateLimit> perAddress,
        int maxTrackedKeys,
        TrustedProxies trustedProxies) {

    public static final RateLimit DEFAULT_PER_ACCOUNT = RateLimit.perMinute(10);
    public static final RateLimit DEFAULT_PER_ADDRESS = RateLimit.perMinute(30);
    public static final int DEFAULT_MAX_TRACKED_KEYS = 50_000;

    public AuthRateLimits {
        Objects.requireNonNull(perAccount, "perAccount");
        Objects.requireNonNull(perAddress, "perAddress");
        Objects.requireNonNull(trustedProxies, "trustedProxies");
        if (maxTrackedKeys < 1) {
            throw new IllegalArgumentException("maxTrackedKeys must be positive: " + maxTrackedKeys);
        }
    }

    /** 10 per minute per account, 30 per minute per address, 50,000 keys each, no trusted proxy. */
    public static AuthRateLimits defaults() {
        return new AuthRateLimits(Optional.of(DEFAULT_PER_ACCOUNT), Optional.of(DEFAULT_PER_ADDRESS), DEFAULT_MAX_TRACKED_KEYS,
                TrustedProxies.none());
    }

    /** No throttling at all: for tests and benchmarks that log in far more often than a person. */
    public static AuthRateLimits off() {
        return new AuthRateLimits(Optional.empty(), Optional.empty(), DEFAULT_MAX_TRACKED_KEYS, TrustedProxies.none());
    }
}
