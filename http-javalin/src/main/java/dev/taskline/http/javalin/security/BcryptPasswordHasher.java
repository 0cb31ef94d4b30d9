package dev.taskline.http.javalin.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.taskline.domain.model.user.Password;
import dev.taskline.domain.model.user.PasswordHash;
import dev.taskline.domain.port.out.PasswordHasher;

import java.nio.charset.StandardCharsets;

/**
 * The domain's {@link PasswordHasher} on bcrypt (at.favre.lib, version $2a$).
 *
 * <p>bcrypt reads at most 72 bytes. The domain refuses longer new passwords, and this hasher keeps
 * the library's strict policy, so nothing is ever truncated silently; an over-long login attempt
 * simply does not match.
 */
public final class BcryptPasswordHasher implements PasswordHasher {
    public static final int DEFAULT_COST = 10;
    private static final int MIN_COST = 10; // OWASP Password Storage Cheat Sheet
    private static final int MAX_COST = 16; // beyond this a login takes seconds

    private final int cost;
    private final BCrypt.Hasher hasher = BCrypt.withDefaults();
    private final BCrypt.Verifyer verifyer = BCrypt.verifyer();

    public BcryptPasswordHasher(int cost) {
        if (cost < MIN_COST || cost > MAX_COST) {
            throw new IllegalArgumentException("bcrypt cost must be between " + MIN_COST + " and " + MAX_COST + ": " + cost);
        }
        this.cost = cost;
    }

    @Override
    public PasswordHash hash(Password password) {
        byte[] secret = password.value().getBytes(StandardCharsets.UTF_8);
        return new PasswordHash(new String(hasher.hash(cost, secret), StandardCharsets.UTF_8));
    }

    @Override
    public boolean matches(Password attempt, PasswordHash hash) {
        byte[] secret = attempt.value().getBytes(StandardCharsets.UTF_8);
        if (secret.length > Password.MAX_UTF8_BYTES) {
            return false;
        }
        try {
            return verifyer.verify(secret, hash.value().getBytes(StandardCharsets.UTF_8)).verified;
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    public int cost() {
        return cost;
    }
}
