package dev.taskline.domain.model.user;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

public record User(UserId id, Email email, Optional<UserName> name, PasswordHash passwordHash, Instant createdAt, Instant updatedAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The writable state as it is now: the starting point of an update. */
    public UserUpdate writableState() {
        return new UserUpdate(name, passwordHash);
    }
}
