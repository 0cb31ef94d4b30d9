package dev.taskline.domain.port.in;

import dev.taskline.domain.error.Validation;
import dev.taskline.domain.error.ValidationFailed;
import dev.taskline.domain.model.user.Password;
import java.util.Objects;

/**
 * Login credentials. The email stays raw on purpose: a malformed address must fail exactly like an
 * unknown one ({@code Unauthenticated}), not with a validation error that would tell them apart.
 * Only missing fields are refused here.
 */
public record AuthenticateCommand(String email, Password password) {

    public AuthenticateCommand {
        if (email == null) {
            throw ValidationFailed.of("email", "is required");
        }
        Objects.requireNonNull(password, "password");
    }

    public static AuthenticateCommand of(String email, String password) {
        var validation = new Validation();
        if (email == null) {
            validation.reject("email", "is required");
        }
        Password attempt = validation.check(() -> Password.attempt(password));
        validation.throwIfFailed();
        return new AuthenticateCommand(email, attempt);
    }
}
