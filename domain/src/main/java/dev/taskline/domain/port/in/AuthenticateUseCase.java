package dev.taskline.domain.port.in;

import dev.taskline.domain.model.user.User;

public interface AuthenticateUseCase {

    /**
     * @throws dev.taskline.domain.error.Unauthenticated with one and the same message for an
     *         unknown email, a malformed email and a wrong password
     */
    User authenticate(AuthenticateCommand command);
}
