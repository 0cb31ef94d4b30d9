package dev.taskline.domain.model.user;

import java.util.Objects;
import java.util.Optional;

public record NewUser(Email email, Optional<UserName> name, PasswordHash passwordHash) {

    public NewUser {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(passwordHash, "passwordHash");
    }
}
