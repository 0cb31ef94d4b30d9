package dev.taskline.domain.port.in;

import dev.taskline.domain.error.Validation;
import dev.taskline.domain.model.user.Email;
import dev.taskline.domain.model.user.Password;
import dev.taskline.domain.model.user.UserName;
import java.util.Objects;
import java.util.Optional;

public record RegisterUserCommand(Email email, Password password, Optional<UserName> name) {

    public RegisterUserCommand {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(name, "name");
    }

    /** From raw request values ({@code name} may be null); reports every bad field at once. */
    public static RegisterUserCommand of(String email, String password, String nameOrNull) {
        var validation = new Validation();
        Email parsedEmail = validation.check(() -> Email.of(email));
        Password parsedPassword = validation.check(() -> Password.newPassword(password, "password"));
        Optional<UserName> parsedName = validation.check(() -> Optional.ofNullable(nameOrNull).map(UserName::new));
        validation.throwIfFailed();
        return new RegisterUserCommand(parsedEmail, parsedPassword, parsedName);
    }
}
