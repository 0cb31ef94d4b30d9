package dev.taskline.domain.port.in;

import dev.taskline.domain.model.user.User;
import dev.taskline.domain.model.user.UserId;

public interface UpdateAccountUseCase {

    /**
     * Changes the name and/or the password; a command that changes nothing writes nothing.
     *
     * @throws dev.taskline.domain.error.ValidationFailed on {@code current_password} when a new
     *         password comes with a wrong current one
     */
    User update(UserId user, UpdateAccountCommand command);
}
