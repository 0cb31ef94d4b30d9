package dev.taskline.domain.port.in;

import dev.taskline.domain.model.user.User;

public interface RegisterUserUseCase {

    /** @throws dev.taskline.domain.error.Conflict when the email is taken, in any letter case */
    User register(RegisterUserCommand command);
}
