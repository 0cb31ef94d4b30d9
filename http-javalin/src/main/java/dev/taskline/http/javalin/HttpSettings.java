package dev.taskline.http.javalin;

import dev.taskline.http.javalin.headers.CorsSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the HTTP adapter needs from the configuration.
 *
 * @param jwt             how tokens are signed and verified (with any previous secrets)
 * @param maxRequestBytes the largest request body accepted
 * @param authRateLimits  throttling of registration and login
 * @param passwordWork    how much password hashing may run and wait at once
 * @param cors            the origins allowed to call from a browser; none by default
 * @param hstsMaxAge      {@code Strict-Transport-Security: max-age=…} on every answer; empty: no such header
 */
public record HttpSettings(
        JwtSettings jwt,
        long maxRequestBytes,
        AuthRateLimits authRateLimits,
        PasswordWorkLimits passwordWork,
        CorsSettings cors,
        Optional<Duration> hstsMaxAge) {

    /** 1 MiB, the contract's largest accepted request body. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 1_048_576L;

    public HttpSettings {
        Objects.requireNonNull(jwt, "jwt");
        Objects.requireNonNull(authRateLimits, "authRateLimits");
        Objects.requireNonNull(passwordWork, "passwordWork");
        Objects.requireNonNull(cors, "cors");
        Objects.requireNonNull(hstsMaxAge, "hstsMaxAge");
        if (maxRequestBytes <= 0) {
            throw new IllegalArgumentException("maxRequestBytes must be positive: " + maxRequestBytes);
        }
        if (hstsMaxAge.isPresent() && hstsMaxAge.get().isNegative()) {
            throw new IllegalArgumentException("the HSTS max-age must not be negative: " + hstsMaxAge.get());
        }
    }

    /** 1 MiB bodies, default rate limits and password work limits, no CORS, no HSTS. */
    public static HttpSettings defaults(JwtSettings jwt) {
        return new HttpSettings(jwt, DEFAULT_MAX_REQUEST_BYTES, AuthRateLimits.defaults(), PasswordWorkLimits.defaults(),
                CorsSettings.none(), Optional.empty());
    }

    public HttpSettings withJwt(JwtSettings newJwt) {
        return new HttpSettings(newJwt, maxRequestBytes, authRateLimits, passwordWork, cors, hstsMaxAge);
    }

    public HttpSettings withAuthRateLimits(AuthRateLimits limits) {
        return new HttpSettings(jwt, maxRequestBytes, limits, passwordWork, cors, hstsMaxAge);
    }

    public HttpSettings withPasswordWork(PasswordWorkLimits limits) {
        return new HttpSettings(jwt, maxRequestBytes, authRateLimits, limits, cors, hstsMaxAge);
    }

    public HttpSettings withCors(CorsSettings newCors) {
        return new HttpSettings(jwt, maxRequestBytes, authRateLimits, passwordWork, newCors, hstsMaxAge);
    }

    public HttpSettings withHstsMaxAge(Optional<Duration> maxAge) {
        return new HttpSettings(jwt, maxRequestBytes, authRateLimits, passwordWork, cors, maxAge);
    }
}
