package dev.taskline.persistence.jooq;

import dev.taskline.domain.model.user.Password;
import dev.taskline.domain.model.user.PasswordHash;
import dev.taskline.domain.port.out.PasswordHasher;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A fast, deterministic stand-in for bcrypt, so that service tests do not spend seconds hashing.
 * It is not a fake of the database: its output has bcrypt's shape ({@code $2b$04$}, 22 characters
 * of salt, 31 of hash, all from {@code [./A-Za-z0-9]}), so the schema's bcrypt CHECK accepts it.
 */
final class TestPasswordHasher implements PasswordHasher {
    private static final String PREFIX = "$2b$04$";
    private static final String SALT = "TasklineTestSalt.12345";
    private static final int HASH_CHARACTERS = 31;

    @Override
    public PasswordHash hash(Password password) {
        return new PasswordHash(PREFIX + SALT + digest(password.value()));
    }

    @Override
    public boolean matches(Password attempt, PasswordHash hash) {
        return MessageDigest.isEqual(
                hash(attempt).value().getBytes(StandardCharsets.UTF_8),
                hash.value().getBytes(StandardCharsets.UTF_8));
    }

    private static String digest(String password) {
        try {
            byte[] sha256 = MessageDigest.getInstance("SHA-256")
                    .digest((SALT + password).getBytes(StandardCharsets.UTF_8));
            // Base64 without padding is [A-Za-z0-9+/]; bcrypt's alphabet has '.' where Base64 has '+'.
            return Base64.getEncoder().withoutPadding().encodeToString(sha256)
                    .replace('+', '.')
                    .substring(0, HASH_CHARACTERS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
