package dev.taskline.http.javalin.security;

import dev.taskline.http.javalin.AuthRateLimits;
import dev.taskline.http.javalin.problem.Problems;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Rate limits registration and login, shared by both routes: first per client address (checked
 * before the body is read, so floods of garbage are counted too), then per account (the email,
 * lower-cased, once the body is parsed), both before any password is hashed. A refusal is a 429
 * problem with {@code Retry-After} in whole seconds. A request refused by the address limit takes
 * nothing from the account's bucket.
 *
 * <p>The per-account limit is a rate, not a lock-out: whoever guesses at an account slows its
 * owner's logins to the same rate, but never blocks them for longer than the refill of a token.
 */
public final class AuthThrottle {

    /** Longer emails are never valid accounts; keys are cut there so that huge bodies cannot bloat memory. */
    static final int MAX_ACCOUNT_KEY_LENGTH = 255;

    private final Optional<KeyedRateLimiter> perAccount;
    private final Optional<KeyedRateLimiter> perAddress;
    private final TrustedProxies proxies;

    public AuthThrottle(AuthRateLimits limits) {
        this(limits, System::nanoTime);
    }

    public AuthThrottle(AuthRateLimits limits, LongSupplier nanoTime) {
        Objects.requireNonNull(limits, "limits");
        this.perAccount = limits.perAccount().map(rate -> new KeyedRateLimiter(rate, limits.maxTrackedKeys(), nanoTime));
        this.perAddress = limits.perAddress().map(rate -> new KeyedRateLimiter(rate, limits.maxTrackedKeys(), nanoTime));
        this.proxies = limits.trustedProxies();
    }

    /** Counts the request against its client address; 429 when that address is over its rate. */
    public void checkAddress(Context ctx) {
        if (perAddress.isPresent()) {
            String client = proxies.clientKey(ctx.req().getRemoteAddr(), Collections.list(ctx.req().getHeaders(TrustedProxies.FORWARDED_FOR)));
            refuseIfOver(perAddress.get().tryAcquire(client), "too many sign-in attempts from this address");
        }
    }

    /** Counts the request against the account it names; 429 when that account is over its rate. */
    public void checkAccount(String email) {
        if (perAccount.isPresent() && email != null) {
            refuseIfOver(perAccount.get().tryAcquire(accountKey(email)), "too many sign-in attempts for this account");
        }
    }

    static String accountKey(String email) {
        String lower = email.toLowerCase(Locale.ROOT);
        return lower.length() <= MAX_ACCOUNT_KEY_LENGTH ? lower : lower.substring(0, MAX_ACCOUNT_KEY_LENGTH);
    }

    private static void refuseIfOver(KeyedRateLimiter.Verdict verdict, String detail) {
        if (!verdict.allowed()) {
            throw Problems.tooManyRequests(detail + "; retry in " + verdict.retryAfterSeconds() + " s", verdict.retryAfterSeconds());
        }
    }
}
