package dev.taskline.http.javalin.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.taskline.domain.model.user.UserId;

import java.time.Duration;

/**
 * Accounts recently confirmed to exist, so that authentication does not read the users table on
 * every request (that read was a whole extra transaction per request).
 *
 * <p>Deleting an account through this server forgets it at once, so its tokens answer 401 on the
 * next request. Another instance may honour such a token until its own entry expires; by then the
 * account's rows are gone with it, reads find nothing, and writes fail on the foreign key to the
 * user, which the persistence adapter reports as unauthenticated.
 */
public final class KnownAccounts {
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(30);
    private static final int MAX_ENTRIES = 100_000;

    private final Cache<Long, Boolean> confirmed;

    public KnownAccounts(Duration ttl) {
        this.confirmed = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(MAX_ENTRIES)
                .build();
    }

    boolean isConfirmed(UserId user) {
        return confirmed.getIfPresent(user.value()) != null;
    }

    void confirm(UserId user) {
        confirmed.put(user.value(), Boolean.TRUE);
    }

    public void forget(UserId user) {
        confirmed.invalidate(user.value());
    }
}
