package dev.taskline.domain.port.in;

import dev.taskline.domain.error.Validation;
import dev.taskline.domain.error.ValidationFailed;
import dev.taskline.domain.model.change.Change;
import dev.taskline.domain.model.user.Password;
import dev.taskline.domain.model.user.UserName;
import java.util.Objects;
import java.util.Optional;

/**
 * A PATCH of the account. A new password needs the current one, so that a stolen token alone
 * cannot take the account over; a current password sent without a new one is ignored.
 */
public record UpdateAccountCommand(Change<UserName> name, Optional<Password> newPassword, Optional<Password> currentPassword) {

    static final String CURRENT_PASSWORD_REQUIRED = "is required to set a new password";

    public UpdateAccountCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(newPassword, "newPassword");
        Objects.requireNonNull(currentPassword, "currentPassword");
        if (newPassword.isPresent() && currentPassword.isEmpty()) {
            throw ValidationFailed.of("current_password", CURRENT_PASSWORD_REQUIRED);
        }
    }

    /**
     * From a request body where each field was absent (keep), {@code null} or a raw value:
     * {@code name: null} clears the name, {@code password: null} is refused, and
     * {@code current_password: null} counts as absent. Reports every bad field at once.
     */
    public static UpdateAccountCommand of(Change<String> name, Change<String> password, Change<String> currentPassword) {
        var validation = new Validation();
        Change<UserName> parsedName = validation.check(() -> name.map(UserName::new));
        Optional<Password> parsedNew = validation.check(() -> switch (password) {
            case Change.Keep<String> keep -> Optional.<Password>empty();
            case Change.Clear<String> clear -> throw ValidationFailed.of("password", "must not be null");
            case Change.Set<String>(String raw) -> Optional.of(Password.newPassword(raw, "password"));
        });
        Optional<Password> parsedCurrent = currentPassword.applyTo(Optional.empty())
                .map(raw -> Password.attempt(raw, "current_password"));
        if (password instanceof Change.Set<String> && parsedCurrent.isEmpty()) {
            validation.reject("current_password", CURRENT_PASSWORD_REQUIRED);
        }
        validation.throwIfFailed();
        return new UpdateAccountCommand(parsedName, parsedNew, parsedCurrent);
    }
}
