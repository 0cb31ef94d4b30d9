package dev.taskline.persistence.jooq;

import dev.taskline.domain.model.user.Password;
import dev.taskline.domain.model.user.PasswordHash;
import dev.taskline.domain.port.out.PasswordHasher;

import java.util.concurrent.atomic.AtomicInteger;

/** Delegates to another hasher and counts the calls, e.g. to prove that a login verified a password. */
final class CountingPasswordHasher implements PasswordHasher {
    private final PasswordHasher delegate;
    private final AtomicInteger hashes = new AtomicInteger();
    private final AtomicInteger verifications = new AtomicInteger();

    CountingPasswordHasher(PasswordHasher delegate) {
        this.delegate = delegate;
    }

    @Override
    public PasswordHash hash(Password password) {
        hashes.incrementAndGet();
        return delegate.hash(password);
    }

    @Override
    public boolean matches(Password attempt, PasswordHash hash) {
        verifications.incrementAndGet();
        return delegate.matches(attempt, hash);
    }

    int hashes() {
        return hashes.get();
    }

    int verifications() {
        return verifications.get();
    }
}
