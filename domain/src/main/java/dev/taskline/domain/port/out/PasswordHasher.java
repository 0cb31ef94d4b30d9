package dev.taskline.domain.port.out;

import dev.taskline.domain.model.user.Password;
import dev.taskline.domain.model.user.PasswordHash;

public interface PasswordHasher {

    PasswordHash hash(Password password);

    /**
     * Whether the attempt matches the hash. Returns false, never throws, for an attempt it cannot
     * hash (too long, say): a login attempt carries no policy, and a failure must read like any
     * wrong password.
     */
    boolean matches(Password attempt, PasswordHash hash);
}
