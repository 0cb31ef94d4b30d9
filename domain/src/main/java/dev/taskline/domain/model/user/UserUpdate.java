package dev.taskline.domain.model.user;

import java.util.Objects;
import java.util.Optional;

/** The full new writable state of a user (not a diff): the email is not writable. */
public record UserUpdate(Optional<UserName> name, PasswordHash passwordHash) {

    public UserUpdate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(passwordHash, "passwordHash");
    }
}
